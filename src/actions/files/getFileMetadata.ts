import { exampleFile } from "../../examples";
import { getFileMetadata as call } from "../../files/api";
import { fileIdAction } from "./byFileId";

export const getFileMetadata = fileIdAction(
  {
    label: "Get File Metadata",
    description:
      "Get a file's name, type, size, creation and expiry time, and whether it can be downloaded.",
  },
  call,
  exampleFile,
);
