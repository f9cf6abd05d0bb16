import type { RecordedRequest } from "../simulator";
import { PDF } from "../support/files";
import { failureOf, harness, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

/** Every byte value, twice, and the bytes a text encoder would mangle. */
const BINARY = Buffer.concat([
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i)),
  Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x0d, 0x0a, 0x2d, 0x2d]),
]);

interface Part {
  headers: string;
  body: Buffer;
}

/** The parts of a recorded multipart body, split on its boundary, bytes untouched. */
const partsOf = (request: RecordedRequest): Part[] => {
  const boundary = /boundary=([^;]+)/.exec(request.headers["content-type"] ?? "")?.[1];
  if (!boundary) throw new Error(`not multipart: ${request.headers["content-type"]}`);
  const raw = request.rawBytes;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = raw.indexOf(delimiter);
  for (;;) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, body, CRLF before the next delimiter.
    const part = raw.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    parts.push({
      headers: part.subarray(0, split).toString("latin1"),
      body: Buffer.from(part.subarray(split + 4)),
    });
    at = next;
  }
  expect(raw.subarray(at).toString("latin1")).toBe(`--${boundary}--\r\n`);
  return parts;
};

interface FileMetadata {
  id: string;
  type: string;
  filename: string;
  mime_type: string;
  size_bytes: number;
  downloadable: boolean;
  expires_at: string | null;
}

describe("uploadFile", () => {
  it("sends the file as one multipart part, byte for byte, with no beta header", async () => {
    const result = await runAction("uploadFile", {
      connection: connection(),
      file: { data: BINARY, contentType: "application/octet-stream" },
      fileName: "blob.bin",
    });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual(["POST", "/v1/files"]);
    expect(request.query).toEqual({});
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const parts = partsOf(request);
    expect(parts).toHaveLength(1);
    expect(parts[0].headers).toBe(
      'Content-Disposition: form-data; name="file"; filename="blob.bin"\r\nContent-Type: application/octet-stream',
    );
    expect(parts[0].body.equals(BINARY)).toBe(true);
    const metadata = result.data as FileMetadata;
    expect(metadata).toMatchObject({
      type: "file",
      filename: "blob.bin",
      mime_type: "application/octet-stream",
      size_bytes: BINARY.length,
      downloadable: false,
      expires_at: null,
    });
    expect(sim().files.get(metadata.id)?.bytes.equals(BINARY)).toBe(true);
  });

  it("sends Expires In as the expires_in_seconds field, and names a PDF by its bytes", async () => {
    const result = await runAction("uploadFile", {
      connection: connection(),
      file: { data: PDF, contentType: "application/octet-stream" },
      expiresInSeconds: "86400",
    });
    const parts = partsOf(sim().requests[0]);
    expect(parts.map((part) => part.headers)).toEqual([
      'Content-Disposition: form-data; name="expires_in_seconds"',
      'Content-Disposition: form-data; name="file"; filename="file.pdf"\r\nContent-Type: application/pdf',
    ]);
    expect(parts[0].body.toString()).toBe("86400");
    expect(parts[1].body.equals(PDF)).toBe(true);
    const metadata = result.data as FileMetadata;
    expect(metadata.mime_type).toBe("application/pdf");
    expect(metadata.expires_at).not.toBeNull();
  });

  it.each([
    ["no file", { file: "" }, /^File: is required/],
    ["a number for the file", { file: 42 }, /^File: /],
    ["an expiry under an hour", { expiresInSeconds: "3599" }, /^Expires In \(seconds\): /],
    ["an expiry over 90 days", { expiresInSeconds: "7776001" }, /^Expires In \(seconds\): /],
    ["a file name with a quote", { fileName: 'a".pdf' }, /^File Name: must be one file name/],
    [
      "a file name with a line break",
      { fileName: "a\r\nb.pdf" },
      /^File Name: must be one file name/,
    ],
  ])("refuses %s before sending", async (_name, inputs, message) => {
    const error = await failureOf(
      runAction("uploadFile", {
        connection: connection(),
        file: { data: PDF, contentType: "application/pdf" },
        ...inputs,
      }),
    );
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });

  it("puts the API's error_code in the message and on the error when storage is full", async () => {
    sim().files.setQuotaBytes(10);
    const error = await failureOf(
      runAction("uploadFile", {
        connection: connection(),
        file: { data: PDF, contentType: "application/pdf" },
        fileName: "report.pdf",
      }),
    );
    expect(error.message).toMatch(
      /^Anthropic API 400 invalid_request_error \(storage_quota_exceeded\): .+ \(request-id req_\w+\)$/,
    );
    expect(error.errorCode).toBe("storage_quota_exceeded");
    expect(error.status).toBe(400);
  });
});

const addFiles = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    sim().files.add({
      filename: `f${i}.txt`,
      mimeType: "text/plain",
      bytes: Buffer.from(`file ${i}`),
      createdAt: Date.now() - (count - i) * 1000,
    }),
  ).reverse();

describe("listFiles", () => {
  it("asks for one page with the default limit, no beta, and returns the API's page", async () => {
    const files = addFiles(3);
    const result = await runAction("listFiles", { connection: connection() });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual(["GET", "/v1/files"]);
    expect(request.query).toEqual({ limit: "20" });
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    const page = result.data as { data: FileMetadata[]; next_page: string | null };
    expect(page.data.map((file) => file.id)).toEqual(files.map((file) => file.id));
    expect(page.next_page).toBeNull();
  });

  it("follows next_page with the page cursor on Fetch All", async () => {
    const files = addFiles(2500);
    const result = await runAction("listFiles", { connection: connection(), fetchAll: true });
    const queries = sim().requests.map((request) => request.query);
    expect(queries).toHaveLength(3);
    expect(queries[0]).toEqual({ limit: "1000" });
    expect(Object.keys(queries[1]).sort()).toEqual(["limit", "page"]);
    const page = result.data as { data: FileMetadata[]; next_page: null };
    expect(page.data.map((file) => file.id)).toEqual(files.map((file) => file.id));
    expect(page.next_page).toBeNull();
  });

  it("passes a Page cursor from an earlier result", async () => {
    addFiles(5);
    const first = (await runAction("listFiles", { connection: connection(), limit: "2" })).data as {
      data: FileMetadata[];
      next_page: string;
    };
    const second = (
      await runAction("listFiles", { connection: connection(), limit: "2", page: first.next_page })
    ).data as { data: FileMetadata[] };
    expect(sim().requests[1].query).toEqual({ limit: "2", page: first.next_page });
    expect(second.data).toHaveLength(2);
    expect(second.data[0].id).not.toBe(first.data[0].id);
  });

  it("sends IDs as ids[] and nothing else, de-duplicated", async () => {
    const files = addFiles(4);
    const result = await runAction("listFiles", {
      connection: connection(),
      ids: [files[2].id, files[0].id, files[2].id],
      fetchAll: true,
    });
    const [request] = sim().requests;
    expect(request.queryAll).toEqual({ "ids[]": [files[2].id, files[0].id] });
    const page = result.data as { data: FileMetadata[] };
    expect(page.data.map((file) => file.id).sort()).toEqual([files[0].id, files[2].id].sort());
  });

  it("still pages a server that answers in the older has_more / last_id style", async () => {
    sim().files.setListStyle("legacy");
    const files = addFiles(1500);
    const result = await runAction("listFiles", { connection: connection(), fetchAll: true });
    expect(sim().requests.map((request) => request.query)).toEqual([
      { limit: "1000" },
      { limit: "1000", after_id: files[999].id },
    ]);
    expect((result.data as { data: FileMetadata[] }).data).toHaveLength(1500);
  });

  it.each([
    [
      "more than 100 ids",
      { ids: Array.from({ length: 101 }, (_, i) => `file_${i}`) },
      /^IDs: holds 101 different ids; the Files API filters by at most 100/,
    ],
    [
      "a batch id among the ids",
      { ids: ["msgbatch_01abc"] },
      /^IDs: "msgbatch_01abc" is a message batch id/,
    ],
    ["IDs with a Page", { ids: ["file_a"], page: "abc" }, /^Page: cannot be combined with IDs/],
  ])("refuses %s before sending", async (_name, inputs, message) => {
    const error = await failureOf(runAction("listFiles", { connection: connection(), ...inputs }));
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });
});

describe("getFileMetadata, downloadFile, deleteFile", () => {
  it("gets the metadata by id", async () => {
    const file = sim().files.add({ filename: "a.pdf", mimeType: "application/pdf", bytes: PDF });
    const result = await runAction("getFileMetadata", {
      connection: connection(),
      fileId: file.id,
    });
    const [request] = sim().requests;
    expect([request.method, request.path, request.rawBody]).toEqual([
      "GET",
      `/v1/files/${file.id}`,
      "",
    ]);
    expect(result.data).toEqual(file);
  });

  it("downloads a downloadable file's bytes with their content type", async () => {
    const file = sim().files.add({
      filename: "chart.bin",
      mimeType: "application/octet-stream",
      bytes: BINARY,
      downloadable: true,
    });
    const result = await runAction("downloadFile", { connection: connection(), fileId: file.id });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual(["GET", `/v1/files/${file.id}/content`]);
    expect(Buffer.isBuffer(result.data)).toBe(true);
    expect((result.data as Buffer).equals(BINARY)).toBe(true);
    expect(result.contentType).toBe("application/octet-stream");
  });

  it("says that only files a tool created can be downloaded", async () => {
    const file = sim().files.add({ filename: "a.pdf", mimeType: "application/pdf", bytes: PDF });
    const error = await failureOf(
      runAction("downloadFile", { connection: connection(), fileId: file.id }),
    );
    expect(error.message).toMatch(
      /^Anthropic API 400 invalid_request_error \(file_not_downloadable\): .+\(request-id req_\w+\) Only files a tool created .+ can be downloaded/,
    );
    expect(error.errorCode).toBe("file_not_downloadable");
    expect(error.retryable).toBe(false);
  });

  it("reports an expired file by its error_code", async () => {
    const file = sim().files.add({
      filename: "a.pdf",
      mimeType: "application/pdf",
      bytes: PDF,
      expiresInSeconds: 3600,
    });
    sim().clock.advance(3_600_001);
    const error = await failureOf(
      runAction("getFileMetadata", { connection: connection(), fileId: file.id }),
    );
    expect(error.status).toBe(404);
    expect(error.errorCode).toBe("file_expired");
    expect(error.message).toMatch(/^Anthropic API 404 not_found_error \(file_expired\): /);
  });

  it("deletes a file", async () => {
    const file = sim().files.add({ filename: "a.pdf", mimeType: "application/pdf", bytes: PDF });
    const result = await runAction("deleteFile", { connection: connection(), fileId: file.id });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual(["DELETE", `/v1/files/${file.id}`]);
    expect(result.data).toEqual({ id: file.id, type: "file_deleted" });
    expect(sim().files.get(file.id)).toBeUndefined();
  });

  it.each(["getFileMetadata", "downloadFile", "deleteFile"])(
    "%s refuses a path or another kind's id before sending",
    async (key) => {
      for (const fileId of ["file_a/../../models", "..", "msgbatch_01abc", ""]) {
        const error = await failureOf(runAction(key, { connection: connection(), fileId }));
        expect(error.message).toMatch(/^File ID: /);
      }
      expect(sim().requests).toHaveLength(0);
    },
  );
});

describe("the selectFile data source", () => {
  it("lists files newest first as picklist entries", async () => {
    const files = addFiles(3);
    const result = await harness.dataSource("selectFile", { connection: connection() });
    expect(result.result).toEqual(
      files.map((file) => ({ key: file.id, label: `${file.filename} (${file.id})` })),
    );
  });
});
