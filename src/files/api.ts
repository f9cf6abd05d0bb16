import { DELETED_FILE_ANSWER, FILE_ANSWER } from "../client/answers";
import type { AnthropicClient } from "../client/createAnthropicClient";
import { AnthropicApiError } from "../client/errors";
import { multipartBody } from "../client/multipart";
import { path } from "../client/path";
import { FILES_PAGE_LIMIT_MAX } from "../defaults";
import { eachListItem, fetchListPage, type ListQuery, type ListResource } from "../pagination/list";
import type { ListAnswer } from "../pagination/pager";

/** As the Files API answers it (SDK 1.12's FileMetadata). */
export interface FileMetadata {
  id: string;
  type: "file";
  filename: string;
  mime_type: string;
  size_bytes: number;
  created_at: string;
  downloadable?: boolean;
  expires_at?: string | null;
  [field: string]: unknown;
}

export interface DeletedFile {
  id: string;
  type?: "file_deleted";
}

/** The Files API left beta in August 2026: no anthropic-beta header on any of these calls. */
export const FILES: ListResource = {
  path: "/files",
  what: "files",
  maxLimit: FILES_PAGE_LIMIT_MAX,
};

export interface Upload {
  data: Buffer;
  filename: string;
  contentType: string;
  expiresInSeconds?: number;
}

export const uploadFile = async (
  client: AnthropicClient,
  upload: Upload,
): Promise<FileMetadata> => {
  const fields =
    upload.expiresInSeconds === undefined
      ? []
      : [{ name: "expires_in_seconds", value: String(upload.expiresInSeconds) }];
  const form = multipartBody(fields, [
    { name: "file", data: upload.data, filename: upload.filename, contentType: upload.contentType },
  ]);
  const { data } = await client.request<FileMetadata>({
    method: "POST",
    path: "/files",
    body: form.body,
    headers: form.headers,
    answer: FILE_ANSWER,
  });
  return data;
};

export const getFileMetadata = async (
  client: AnthropicClient,
  id: string,
): Promise<FileMetadata> => {
  const { data } = await client.request<FileMetadata>({
    method: "GET",
    path: path`/files/${id}`,
    answer: FILE_ANSWER,
  });
  return data;
};

export const deleteFile = async (client: AnthropicClient, id: string): Promise<DeletedFile> => {
  const { data } = await client.request<DeletedFile>({
    method: "DELETE",
    path: path`/files/${id}`,
    answer: DELETED_FILE_ANSWER,
  });
  return data;
};

/** The bytes and their content type, the shape spectral returns a file in. */
export interface DownloadedFile {
  data: Buffer;
  contentType: string;
}

export const downloadFile = async (
  client: AnthropicClient,
  id: string,
): Promise<DownloadedFile> => {
  try {
    const response = await client.request<ArrayBuffer>({
      method: "GET",
      path: path`/files/${id}/content`,
      headers: { accept: "application/binary" },
      responseType: "arraybuffer",
    });
    const contentType = String(response.headers["content-type"] ?? "application/octet-stream");
    return { data: Buffer.from(response.data), contentType };
  } catch (error) {
    if (error instanceof AnthropicApiError && error.errorCode === "file_not_downloadable") {
      throw new AnthropicApiError(
        `${error.message} Only files a tool created (such as code execution's outputs) can be downloaded; a file you uploaded cannot be fetched back. Use Get File Metadata to read its details.`,
        error,
      );
    }
    throw error;
  }
};

/** `ids` (at most 100) make one page, and the API takes no `limit` or `page` with them. */
export const fileListQuery = (options: {
  limit?: number;
  page?: string;
  ids: string[];
}): ListQuery =>
  options.ids.length > 0 ? { ids: options.ids } : { limit: options.limit, page: options.page };

export const fetchFilePage = (
  client: AnthropicClient,
  query: ListQuery,
): Promise<ListAnswer<FileMetadata>> => fetchListPage<FileMetadata>(client, FILES, query);

export const eachFile = (client: AnthropicClient): AsyncGenerator<FileMetadata, void, undefined> =>
  eachListItem<FileMetadata>(client, FILES);
