import { util } from "@prismatic-io/spectral";
import { type MultipartBody, multipartBody } from "../client/multipart";
import { InputError, toOptionalString } from "../inputs/clean";
import type { KeyValue } from "../inputs/rawRequest";

/** A file from an earlier step, or an error naming the input and the entry. */
const fileOf = (key: string, value: unknown): { data: Buffer; contentType: string } => {
  try {
    return util.types.toBufferDataPayload(value);
  } catch {
    throw new InputError(
      "File Data",
      `${key} must be a file from an earlier step (or text); got ${value === null ? "null" : typeof value}.`,
    );
  }
};

/** Raw Request's Form Data and File Data, as one multipart body. */
export const toMultipartBody = (
  formData: KeyValue[],
  fileData: KeyValue[],
  fileNames: Record<string, string>,
): MultipartBody =>
  multipartBody(
    formData.map(({ key, value }) => ({
      name: key,
      value: toOptionalString(value, "Form Data") ?? "",
    })),
    fileData.map(({ key, value }) => ({
      name: key,
      ...fileOf(key, value),
      filename: fileNames[key] || key,
    })),
  );
