import { util } from "@prismatic-io/spectral";
import FormData from "form-data";
import { InputError, toOptionalString } from "../inputs/clean";
import type { KeyValue } from "../inputs/rawRequest";

export interface MultipartBody {
  body: Buffer;
  headers: Record<string, string>;
}

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

/**
 * Builds the multipart body with form-data and buffers it, so a retry can
 * send the same bytes again (a consumed stream could not be resent).
 */
export const toMultipartBody = (
  formData: KeyValue[],
  fileData: KeyValue[],
  fileNames: Record<string, string>,
): MultipartBody => {
  const form = new FormData();
  for (const { key, value } of formData)
    form.append(key, toOptionalString(value, "Form Data") ?? "");
  for (const { key, value } of fileData) {
    const file = fileOf(key, value);
    form.append(key, file.data, { filename: fileNames[key] || key, contentType: file.contentType });
  }
  return { body: form.getBuffer(), headers: form.getHeaders() as Record<string, string> };
};
