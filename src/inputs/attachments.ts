import { input } from "@prismatic-io/spectral";
import { cleanFiles } from "../messages/attachments";
import { toBoolean, valueList } from "./clean";

/** Files for Claude to read, from earlier steps, the web or the Files API. */
export const attachmentInputs = {
  files: input({
    label: "Files",
    type: "data",
    collection: "valuelist",
    required: false,
    example: "(a PDF or image from an earlier step)",
    comments:
      "Attachments: files from earlier steps. JPEG, PNG, GIF and WebP images (5 MB each) are sent as images; PDFs and plain text as documents. Placed before the message.",
    clean: cleanFiles,
  }),
  fileUrls: input({
    label: "File URLs",
    type: "string",
    collection: "valuelist",
    required: false,
    example: "https://example.com/invoice.pdf",
    comments:
      "Attachments: https links to images (.jpg, .jpeg, .png, .gif, .webp) or PDFs (.pdf) that Anthropic fetches itself.",
    clean: valueList("File URLs", { trim: true }),
  }),
  fileIds: input({
    label: "File IDs",
    type: "string",
    collection: "valuelist",
    required: false,
    example: "file_011CNha8iCJcU1wXNR6q4V8w",
    comments:
      "Attachments: ids of files uploaded with the Files API: file_... for a document, image:file_... for an image.",
    clean: valueList("File IDs", { trim: true }),
  }),
  citations: input({
    label: "Citations",
    type: "boolean",
    required: false,
    default: "false",
    comments:
      "When true, Claude cites the passages of the attached documents it used, and its text blocks carry the citations (Attachments).",
    clean: toBoolean("Citations"),
  }),
};
