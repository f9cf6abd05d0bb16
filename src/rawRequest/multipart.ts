import { util } from "@prismatic-io/spectral";
import FormData from "form-data";
import type { KeyValue } from "../inputs/rawRequest";

export interface MultipartBody {
  body: Buffer;
  headers: Record<string, string>;
}

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
  for (const { key, value } of formData) form.append(key, util.types.toString(value));
  for (const { key, value } of fileData) {
    const file = util.types.toBufferDataPayload(value);
    form.append(key, file.data, { filename: fileNames[key] || key, contentType: file.contentType });
  }
  return { body: form.getBuffer(), headers: form.getHeaders() as Record<string, string> };
};
