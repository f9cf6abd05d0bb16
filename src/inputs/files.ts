import { input, util } from "@prismatic-io/spectral";
import {
  FILES_PAGE_LIMIT_DEFAULT,
  FILES_PAGE_LIMIT_MAX,
  MAX_FILE_EXPIRY_SECONDS,
  MAX_FILE_IDS_FILTER,
  MIN_FILE_EXPIRY_SECONDS,
} from "../defaults";
import {
  hasControlCharacters,
  InputError,
  optionalNumber,
  optionalString,
  preview,
  valueList,
} from "./clean";
import { optionalIdOf, requiredIdOf } from "./ids";
import { fetchAllInput, limitInput } from "./pagination";

export const EXAMPLE_FILE_ID = "file_011CNha8iCJcU1wXNR6q4V8w";

const fileIdRule = {
  label: "File ID",
  prefix: "file_",
  example: EXAMPLE_FILE_ID,
  segment: true,
} as const;

export const fileIdInput = input({
  label: "File ID",
  type: "string",
  required: true,
  example: EXAMPLE_FILE_ID,
  dataSource: "selectFile",
  comments: "The id of the file, as Upload File or List Files returned it.",
  clean: requiredIdOf(fileIdRule),
});

export const fileInput = input({
  label: "File",
  type: "data",
  required: true,
  comments:
    "The file to upload, from an earlier step (such as an HTTP download or an email attachment). Its bytes are sent unchanged.",
  example: "(a PDF from an earlier step)",
  clean: (value: unknown): { data: Buffer; contentType: string } => {
    if (value === undefined || value === null || value === "") {
      throw new InputError("File", "is required: reference a file from an earlier step.");
    }
    try {
      return util.types.toBufferDataPayload(value);
    } catch {
      throw new InputError(
        "File",
        `must be a file from an earlier step (or text); got ${typeof value} (${preview(value)}).`,
      );
    }
  },
});

export const fileNameInput = input({
  label: "File Name",
  type: "string",
  required: false,
  example: "annual-report.pdf",
  comments:
    "The name the file is stored under, with its extension. Empty: file, with the extension of the file's content type.",
  clean: (value: unknown): string | undefined => {
    const name = optionalString("File Name")(value)?.trim();
    if (name && (hasControlCharacters(name) || name.includes('"') || name.length > 255)) {
      throw new InputError(
        "File Name",
        `must be one file name of at most 255 characters, without quotes or line breaks, such as annual-report.pdf; got "${preview(name)}".`,
      );
    }
    return name || undefined;
  },
});

export const expiresInSecondsInput = input({
  label: "Expires In (seconds)",
  type: "string",
  required: false,
  example: "86400",
  comments: `Seconds from upload until the file is deleted for good: ${MIN_FILE_EXPIRY_SECONDS} (one hour) to ${MAX_FILE_EXPIRY_SECONDS} (90 days). Empty: kept until you delete it.`,
  clean: optionalNumber({
    label: "Expires In (seconds)",
    min: MIN_FILE_EXPIRY_SECONDS,
    max: MAX_FILE_EXPIRY_SECONDS,
    integer: true,
  }),
});

const cleanFileId = optionalIdOf({ ...fileIdRule, label: "IDs" });

export const fileIdsFilterInput = input({
  label: "IDs",
  type: "string",
  collection: "valuelist",
  required: false,
  example: EXAMPLE_FILE_ID,
  comments: `Only these files (at most ${MAX_FILE_IDS_FILTER}), in one page; Limit, Page and Fetch All are then ignored. Files that do not exist are left out.`,
  clean: (value: unknown): string[] => {
    const ids = [
      ...new Set(valueList("IDs", { trim: true })(value).map((id) => cleanFileId(id) as string)),
    ];
    if (ids.length > MAX_FILE_IDS_FILTER) {
      throw new InputError(
        "IDs",
        `holds ${ids.length} different ids; the Files API filters by at most ${MAX_FILE_IDS_FILTER} at a time.`,
      );
    }
    return ids;
  },
});

export const filePageInput = input({
  label: "Page",
  type: "string",
  required: false,
  example: "page_MjAyNi0xMi0wM1QwOTowMDowMFo",
  comments:
    "The next_page of an earlier List Files result, for the page after it. Empty: the first page.",
  clean: optionalIdOf({ label: "Page", example: "page_MjAyNi0xMi0wM1QwOTowMDowMFo" }),
});

export const filePagingInputs = {
  fetchAll: fetchAllInput("Limit and Page"),
  limit: limitInput({ max: FILES_PAGE_LIMIT_MAX, byDefault: FILES_PAGE_LIMIT_DEFAULT }),
  page: filePageInput,
  ids: fileIdsFilterInput,
};
