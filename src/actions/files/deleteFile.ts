import { deleteFile as call } from "../../files/api";
import { EXAMPLE_FILE_ID } from "../../inputs/files";
import { fileIdAction } from "./byFileId";

export const deleteFile = fileIdAction(
  {
    label: "Delete File",
    description: "Delete a file for good; requests that name it afterwards fail.",
  },
  call,
  { id: EXAMPLE_FILE_ID, type: "file_deleted" },
);
