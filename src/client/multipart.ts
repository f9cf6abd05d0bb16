import FormData from "form-data";

/** A text field of a multipart form. */
export interface FormField {
  name: string;
  value: string;
}

/** A file part: its bytes go as they are, never re-encoded. */
export interface FormFile {
  name: string;
  data: Buffer;
  filename: string;
  contentType: string;
}

export interface MultipartBody {
  body: Buffer;
  /** content-type with the boundary. */
  headers: Record<string, string>;
}

/**
 * Builds the multipart body with form-data and buffers it, so a retry can send the same bytes
 * again (a consumed stream could not be resent). Raw Request and Upload File both use it.
 */
export const multipartBody = (
  fields: readonly FormField[],
  files: readonly FormFile[],
): MultipartBody => {
  const form = new FormData();
  for (const { name, value } of fields) form.append(name, value);
  for (const file of files) {
    form.append(file.name, file.data, { filename: file.filename, contentType: file.contentType });
  }
  return { body: form.getBuffer(), headers: form.getHeaders() as Record<string, string> };
};
