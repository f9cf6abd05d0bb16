import { action } from "@prismatic-io/spectral";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { exampleFile } from "../../examples";
import { uploadFile as upload } from "../../files/api";
import { uploadContentType, uploadFileName } from "../../files/naming";
import { expiresInSecondsInput, fileInput, fileNameInput } from "../../inputs/files";
import { connectionInput, toClientOptions, transportInputs } from "../../inputs/shared";

export const uploadFile = action({
  display: {
    label: "Upload File",
    description:
      "Upload a file (a PDF, an image, text) once with the Files API, then use its id in any number of Chat steps (File IDs) instead of sending the file each time.",
  },
  inputs: {
    connection: connectionInput,
    file: fileInput,
    fileName: fileNameInput,
    expiresInSeconds: expiresInSecondsInput,
    ...transportInputs,
  },
  perform: async (context, { connection, file, fileName, expiresInSeconds, ...transport }) => {
    const client = createAnthropicClient(connection, context, toClientOptions(transport));
    const contentType = uploadContentType(file.contentType, file.data);
    const data = await upload(client, {
      data: file.data,
      contentType,
      filename: uploadFileName(fileName, contentType),
      expiresInSeconds,
    });
    return { data };
  },
  examplePayload: { data: exampleFile },
});
