import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { InputError } from "../../src/inputs/clean";
import {
  ACCEPTED_MEDIA_TYPES,
  type AttachmentValues,
  type ContentBlockParam,
  cleanFiles,
  type FilePayload,
  toAttachmentBlocks,
} from "../../src/messages/attachments";
import { imageDimensions } from "../../src/messages/attachments/sniff";
import type { ContentBlock, MessageParam } from "../../src/messages/types";
import { PDF, PNG_1X1 } from "../support/files";
import { sharedPath } from "../support/shared";

// ---------------------------------------------------------------------------------------------
// Schema checks: every built block must be one the API's OpenAPI document accepts. Blocks
// without a Files API source are checked against the subset shipped in the repository (so this
// runs anywhere); all blocks, `file` sources included, against the full reference document's
// Beta* schemas in ../shared.
// ---------------------------------------------------------------------------------------------

const SUBSET_PATH = join(__dirname, "../simulator/schema/openapi-subset.json");

const schemaLoader = (path: string): ((name: string) => ValidateFunction) => {
  const spec = JSON.parse(readFileSync(path, "utf8")) as { components: object };
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "spec", components: spec.components });
  return (name) => {
    const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name} in ${path}`);
    return validate;
  };
};

const subsetSchema = schemaLoader(SUBSET_PATH);
const fullSchema = schemaLoader(sharedPath("reference", "anthropic-openapi.json"));

const schemaNameFor = (block: ContentBlockParam): string =>
  block.type === "image" ? "RequestImageBlock" : "RequestDocumentBlock";

/** The first schema error for the block, or undefined when the spec accepts it. */
const schemaProblems = (block: unknown, validate: ValidateFunction): string | undefined =>
  validate(block) ? undefined : JSON.stringify(validate.errors);

const expectSchemaValid = (blocks: readonly ContentBlockParam[]): void => {
  for (const block of blocks) {
    const name = schemaNameFor(block);
    if (block.source.type !== "file") {
      expect(schemaProblems(block, subsetSchema(name))).toBeUndefined();
    }
    expect(schemaProblems(block, fullSchema(`Beta${name}`))).toBeUndefined();
    if (block.source.type !== "file") {
      expect(schemaProblems(block, fullSchema(name))).toBeUndefined();
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Tiny real files
// ---------------------------------------------------------------------------------------------

/** A complete 1x1 GIF89a. */
const GIF_1X1 = Buffer.from(
  "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
  "base64",
);
/** A complete 1x1 lossless WebP (RIFF....WEBPVP8L). */
const WEBP_1X1 = Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64");

/** A PNG signature and IHDR chunk of the given size (the rest of the file does not matter here). */
const pngHeader = (width: number, height: number, totalBytes = 33): Buffer => {
  const file = Buffer.alloc(Math.max(totalBytes, 33));
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(file, 0);
  file.writeUInt32BE(13, 8);
  file.write("IHDR", 12, "latin1");
  file.writeUInt32BE(width, 16);
  file.writeUInt32BE(height, 20);
  file[24] = 8; // bit depth
  file[25] = 6; // RGBA
  return file;
};

/** SOI, a JFIF APP0 segment, a baseline SOF0 frame header of the given size, EOI. */
const jpeg = (width: number, height: number): Buffer => {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  ]);
  const sof0 = Buffer.alloc(19);
  sof0.writeUInt16BE(0xffc0, 0);
  sof0.writeUInt16BE(17, 2);
  sof0[4] = 8;
  sof0.writeUInt16BE(height, 5);
  sof0.writeUInt16BE(width, 7);
  sof0[9] = 3;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]);
};

/** RIFF/WEBP with a lossy VP8 key frame header of the given size. */
const webpLossy = (width: number, height: number): Buffer => {
  const file = Buffer.alloc(30);
  file.write("RIFF", 0, "latin1");
  file.writeUInt32LE(22, 4);
  file.write("WEBPVP8 ", 8, "latin1");
  file.writeUInt32LE(10, 16);
  Buffer.from([0x9d, 0x01, 0x2a]).copy(file, 23);
  file.writeUInt16LE(width, 26);
  file.writeUInt16LE(height, 28);
  return file;
};

const TEXT = "Quarterly notes: café ✓\nLine two.";

const MB = 1024 * 1024;
const b64 = (data: Buffer): string => data.toString("base64");

/** The InputError message a refusal throws. */
const refusal = (values: AttachmentValues): string => {
  try {
    toAttachmentBlocks(values);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal, but the attachments were accepted");
};

const ACCEPTED = "accepted: JPEG, PNG, GIF or WebP images, PDF, or plain text.";

// ---------------------------------------------------------------------------------------------

describe("the schema check itself", () => {
  it("rejects blocks the API would refuse, so the checks below can fail", () => {
    const bad = { type: "document", source: { type: "text", media_type: "text/csv", data: "a" } };
    expect(schemaProblems(bad, subsetSchema("RequestDocumentBlock"))).toBeDefined();
    const noData = { type: "image", source: { type: "base64", media_type: "image/png" } };
    expect(schemaProblems(noData, subsetSchema("RequestImageBlock"))).toBeDefined();
    const fileSource = { type: "image", source: { type: "file", file_id: "file_a" } };
    expect(schemaProblems(fileSource, subsetSchema("RequestImageBlock"))).toBeDefined();
  });
});

describe("ACCEPTED_MEDIA_TYPES", () => {
  it("lists the types a file may declare", () => {
    expect(ACCEPTED_MEDIA_TYPES).toEqual([
      "image/jpeg",
      "image/png",
      "image/gif",
      "image/webp",
      "application/pdf",
      "text/plain",
      "text/markdown",
      "text/csv",
    ]);
  });
});

describe("toAttachmentBlocks: files", () => {
  it("returns nothing for no attachments", () => {
    expect(toAttachmentBlocks({})).toEqual({ blocks: [] });
    expect(toAttachmentBlocks({ files: [], fileUrls: ["", "  "], fileIds: [""] })).toEqual({
      blocks: [],
    });
  });

  it("turns each image type into a base64 image block", () => {
    const jpg = jpeg(1, 1);
    const result = toAttachmentBlocks({
      files: [
        { data: PNG_1X1, contentType: "image/png", fileName: "dot.png" },
        { data: jpg, contentType: "image/jpeg" },
        { data: GIF_1X1, contentType: "image/gif" },
        { data: WEBP_1X1, contentType: "image/webp" },
      ],
      citations: true,
    });
    expect(result).toEqual({
      blocks: [
        { type: "image", source: { type: "base64", media_type: "image/png", data: b64(PNG_1X1) } },
        { type: "image", source: { type: "base64", media_type: "image/jpeg", data: b64(jpg) } },
        { type: "image", source: { type: "base64", media_type: "image/gif", data: b64(GIF_1X1) } },
        {
          type: "image",
          source: { type: "base64", media_type: "image/webp", data: b64(WEBP_1X1) },
        },
      ],
    });
    expectSchemaValid(result.blocks);
  });

  it("sniffs the type when it is missing or application/octet-stream", () => {
    const result = toAttachmentBlocks({
      files: [
        { data: PNG_1X1 },
        { data: jpeg(2, 2), contentType: "application/octet-stream" },
        { data: GIF_1X1, contentType: "" },
        { data: WEBP_1X1, contentType: "application/octet-stream" },
        { data: PDF, contentType: "application/octet-stream" },
      ],
    });
    expect(
      result.blocks.map((block) => ("media_type" in block.source ? block.source.media_type : "")),
    ).toEqual(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"]);
    expect(result.blocks[4].type).toBe("document");
    expectSchemaValid(result.blocks);
  });

  it("lower-cases the declared type, drops its parameters and knows image/jpg", () => {
    const result = toAttachmentBlocks({
      files: [
        { data: PNG_1X1, contentType: "IMAGE/PNG; charset=binary" },
        { data: jpeg(1, 1), contentType: "image/jpg" },
      ],
    });
    expect(result.blocks).toEqual([
      { type: "image", source: { type: "base64", media_type: "image/png", data: b64(PNG_1X1) } },
      {
        type: "image",
        source: { type: "base64", media_type: "image/jpeg", data: b64(jpeg(1, 1)) },
      },
    ]);
  });

  it("turns a PDF into a base64 document with its file name as title, and citations", () => {
    const result = toAttachmentBlocks({
      files: [{ data: PDF, contentType: "application/pdf", fileName: " report.pdf " }],
      citations: true,
    });
    expect(result).toEqual({
      blocks: [
        {
          type: "document",
          source: { type: "base64", media_type: "application/pdf", data: b64(PDF) },
          title: "report.pdf",
          citations: { enabled: true },
        },
      ],
    });
    expectSchemaValid(result.blocks);
  });

  it("leaves title and citations out when there is no file name and citations are off", () => {
    const result = toAttachmentBlocks({ files: [{ data: PDF, contentType: "application/pdf" }] });
    expect(result.blocks).toEqual([
      {
        type: "document",
        source: { type: "base64", media_type: "application/pdf", data: b64(PDF) },
      },
    ]);
    expectSchemaValid(result.blocks);
  });

  it("sends plain text, Markdown and CSV as a text/plain document holding the text", () => {
    const result = toAttachmentBlocks({
      files: [
        { data: Buffer.from(TEXT, "utf8"), contentType: "text/plain; charset=utf-8" },
        { data: Buffer.from("# Title\n", "utf8"), contentType: "text/markdown", fileName: "a.md" },
        { data: Buffer.from("\ufeffa,b\n1,2\n", "utf8"), contentType: "text/csv" },
      ],
      citations: true,
    });
    expect(result.blocks).toEqual([
      {
        type: "document",
        source: { type: "text", media_type: "text/plain", data: TEXT },
        citations: { enabled: true },
      },
      {
        type: "document",
        source: { type: "text", media_type: "text/plain", data: "# Title\n" },
        title: "a.md",
        citations: { enabled: true },
      },
      {
        type: "document",
        source: { type: "text", media_type: "text/plain", data: "a,b\n1,2\n" },
        citations: { enabled: true },
      },
    ]);
    expectSchemaValid(result.blocks);
  });

  it("takes an untyped UTF-8 file named .txt, .md or .csv as text", () => {
    const result = toAttachmentBlocks({
      files: [
        { data: Buffer.from(TEXT), contentType: "application/octet-stream", fileName: "n.txt" },
      ],
    });
    expect(result.blocks).toEqual([
      {
        type: "document",
        source: { type: "text", media_type: "text/plain", data: TEXT },
        title: "n.txt",
      },
    ]);
  });

  it("cuts a title to the 500 characters the API allows", () => {
    const fileName = `${"x".repeat(600)}.pdf`;
    const [block] = toAttachmentBlocks({ files: [{ data: PDF, fileName }] }).blocks;
    expect(block).toMatchObject({ title: "x".repeat(500) });
    expectSchemaValid([block]);
  });

  it("gives blocks that fit in a message's content", () => {
    const { blocks } = toAttachmentBlocks({ files: [{ data: PNG_1X1 }] });
    const content: ContentBlock[] = [{ type: "text", text: "Describe this." }, ...blocks];
    const message: MessageParam = { role: "user", content };
    expect(message.content).toHaveLength(2);
  });
});

describe("toAttachmentBlocks: refusals of files", () => {
  it("refuses a type the API does not take", () => {
    expect(
      refusal({ files: [{ data: Buffer.from("PK\u0003\u0004"), contentType: "application/zip" }] }),
    ).toBe(`Files: #1 is application/zip; ${ACCEPTED}`);
    expect(
      refusal({
        files: [
          { data: PNG_1X1 },
          { data: Buffer.from("<svg/>"), contentType: "image/svg+xml", fileName: "logo.svg" },
        ],
      }),
    ).toBe(`Files: logo.svg is image/svg+xml; ${ACCEPTED}`);
  });

  it("refuses an untyped file whose contents are not a known format", () => {
    expect(refusal({ files: [{ data: Buffer.from("hello"), fileName: "blob.bin" }] })).toBe(
      `Files: blob.bin is of no declared type and its contents are not a recognised image or ` +
        `PDF; ${ACCEPTED}`,
    );
    expect(
      refusal({
        files: [{ data: Buffer.from([1, 2, 3]), contentType: "application/octet-stream" }],
      }),
    ).toBe(
      `Files: #1 is application/octet-stream and its contents are not a recognised image or ` +
        `PDF; ${ACCEPTED}`,
    );
  });

  it("refuses an image declared as one format whose bytes are another", () => {
    expect(
      refusal({ files: [{ data: jpeg(1, 1), contentType: "image/png", fileName: "photo.png" }] }),
    ).toBe(
      "Files: photo.png is declared image/png but its contents are a JPEG image; the declared " +
        "type must match the file's contents.",
    );
    expect(refusal({ files: [{ data: PDF, contentType: "image/webp" }] })).toBe(
      "Files: #1 is declared image/webp but its contents are a PDF; the declared type must " +
        "match the file's contents.",
    );
  });

  it("refuses an image whose bytes are no image at all", () => {
    expect(refusal({ files: [{ data: Buffer.from("not a gif"), contentType: "image/gif" }] })).toBe(
      "Files: #1 is declared image/gif but its contents are not a GIF image; the declared type " +
        "must match the file's contents.",
    );
  });

  it("refuses a PDF that is not one", () => {
    expect(refusal({ files: [{ data: PNG_1X1, contentType: "application/pdf" }] })).toBe(
      "Files: #1 is declared application/pdf but its contents are a PNG image; the declared " +
        "type must match the file's contents.",
    );
    expect(
      refusal({ files: [{ data: Buffer.from("hello"), contentType: "application/pdf" }] }),
    ).toBe(
      "Files: #1 is declared application/pdf but its contents are not a PDF; the declared type " +
        "must match the file's contents.",
    );
  });

  it("refuses text that is not UTF-8", () => {
    const latin1 = Buffer.from("caf\u00e9", "latin1");
    expect(
      refusal({ files: [{ data: latin1, contentType: "text/plain", fileName: "a.txt" }] }),
    ).toBe("Files: a.txt is declared text/plain but is not valid UTF-8; text must be UTF-8.");
  });

  it("refuses an empty file", () => {
    expect(
      refusal({ files: [{ data: Buffer.alloc(0), contentType: "image/png", fileName: "x.png" }] }),
    ).toBe("Files: x.png is empty; attach a file with content.");
    expect(refusal({ files: [{ data: Buffer.from("\ufeff"), contentType: "text/plain" }] })).toBe(
      "Files: #1 is empty; attach a file with content.",
    );
  });

  it("refuses an image over 5 MB (5 MB + 1 byte with a PNG header)", () => {
    const data = pngHeader(100, 100, 5 * MB + 1);
    expect(refusal({ files: [{ data, contentType: "image/png", fileName: "photo.png" }] })).toBe(
      "Files: photo.png is 6.7 MB once base64-encoded; images may be at most 5 MB encoded, " +
        "about 3.75 MB as a file.",
    );
  });

  it("measures the 5 MB on the base64 text, as the API does", () => {
    // 3,932,160 bytes encode to exactly 5,242,880 characters: accepted; one byte more is not
    const atLimit = pngHeader(10, 10, 3_932_160);
    const { blocks } = toAttachmentBlocks({ files: [{ data: atLimit, contentType: "image/png" }] });
    expect(blocks[0]).toMatchObject({ source: { data: expect.any(String) } });
    expect(
      refusal({ files: [{ data: pngHeader(10, 10, 3_932_161), contentType: "image/png" }] }),
    ).toBe(
      "Files: #1 is 5,242,884 bytes once base64-encoded; images may be at most 5 MB " +
        "(5,242,880 bytes) encoded, about 3.75 MB as a file.",
    );
  });

  it("refuses an image over 8000 px on a side, read from PNG, GIF, JPEG and WebP headers", () => {
    expect(
      refusal({
        files: [{ data: pngHeader(8001, 10), contentType: "image/png", fileName: "w.png" }],
      }),
    ).toBe("Files: w.png is 8001x10 px; images may be at most 8000 px on each side.");
    expect(refusal({ files: [{ data: jpeg(20, 9000) }] })).toBe(
      "Files: #1 is 20x9000 px; images may be at most 8000 px on each side.",
    );
    const gif = Buffer.from(GIF_1X1);
    gif.writeUInt16LE(8500, 6);
    expect(refusal({ files: [{ data: gif }] })).toBe(
      "Files: #1 is 8500x1 px; images may be at most 8000 px on each side.",
    );
    expect(refusal({ files: [{ data: webpLossy(8100, 5) }] })).toBe(
      "Files: #1 is 8100x5 px; images may be at most 8000 px on each side.",
    );
    expect(toAttachmentBlocks({ files: [{ data: pngHeader(8000, 8000) }] }).blocks).toHaveLength(1);
  });

  it("reads the pixel size of each format", () => {
    expect(imageDimensions("image/png", PNG_1X1)).toEqual({ width: 1, height: 1 });
    expect(imageDimensions("image/gif", GIF_1X1)).toEqual({ width: 1, height: 1 });
    expect(imageDimensions("image/webp", WEBP_1X1)).toEqual({ width: 1, height: 1 });
    expect(imageDimensions("image/webp", webpLossy(640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageDimensions("image/jpeg", jpeg(720, 477))).toEqual({ width: 720, height: 477 });
    expect(imageDimensions("image/jpeg", Buffer.from([0xff, 0xd8, 0xff]))).toBeUndefined();
  });

  it("refuses a PDF over 32 MB once encoded", () => {
    const data = Buffer.alloc(25 * MB, 0x20);
    PDF.copy(data);
    expect(
      refusal({ files: [{ data, contentType: "application/pdf", fileName: "big.pdf" }] }),
    ).toBe(
      "Files: big.pdf is 33.3 MB once base64-encoded; a PDF may be at most 32 MB encoded, the " +
        "limit for a whole request.",
    );
  });

  it("refuses files that together come to more than 32 MB once encoded", () => {
    const data = Buffer.alloc(13 * MB, 0x20);
    PDF.copy(data);
    const file: FilePayload = { data, contentType: "application/pdf" };
    expect(toAttachmentBlocks({ files: [file] }).blocks).toHaveLength(1);
    expect(refusal({ files: [file, file] })).toBe(
      "Files: the files come to 34.7 MB once base64-encoded; a request may carry at most 32 MB.",
    );
  });

  it("refuses more than 100 images", () => {
    const image: FilePayload = { data: PNG_1X1, contentType: "image/png" };
    expect(toAttachmentBlocks({ files: Array(100).fill(image) }).blocks).toHaveLength(100);
    expect(refusal({ files: Array(101).fill(image) })).toBe(
      "Files: 101 images in all across Files, File URLs and File IDs; a request may carry at " +
        "most 100 images.",
    );
  });

  it("counts images from files, URLs and file IDs together", () => {
    const image: FilePayload = { data: PNG_1X1, contentType: "image/png" };
    const values: AttachmentValues = {
      files: Array(60).fill(image),
      fileUrls: Array(40).fill("https://example.com/a.png"),
      fileIds: ["file_doc"],
    };
    expect(toAttachmentBlocks(values).blocks).toHaveLength(101);
    expect(refusal({ ...values, fileIds: ["file_doc", "image:file_img"] })).toBe(
      "File IDs: 101 images in all across Files, File URLs and File IDs; a request may carry " +
        "at most 100 images.",
    );
    expect(refusal({ ...values, fileUrls: Array(41).fill("https://example.com/a.png") })).toBe(
      "File URLs: 101 images in all across Files, File URLs and File IDs; a request may carry " +
        "at most 100 images.",
    );
  });

  it("limits images to 2000 px a side when a request carries more than 20", () => {
    const small: FilePayload = { data: PNG_1X1, contentType: "image/png" };
    const wide: FilePayload = { data: pngHeader(2500, 100), fileName: "wide.png" };
    expect(toAttachmentBlocks({ files: [wide, ...Array(19).fill(small)] }).blocks).toHaveLength(20);
    expect(refusal({ files: [wide, ...Array(20).fill(small)] })).toBe(
      "Files: wide.png is 2500x100 px; with more than 20 images in a request, each may be at " +
        "most 2000 px on each side.",
    );
  });

  it("refuses data that is not a Buffer", () => {
    const notAFile = { data: "iVBORw0KGgo=", contentType: "image/png" } as unknown as FilePayload;
    expect(refusal({ files: [notAFile] })).toBe(
      "Files: #1 is not a file; pass a file from an earlier step or plain text.",
    );
  });
});

describe("toAttachmentBlocks: URLs", () => {
  it("turns image and PDF URLs into url sources, with citations on documents", () => {
    const result = toAttachmentBlocks({
      fileUrls: [
        "https://example.com/cat.jpg",
        " https://example.com/a/b/Chart.PNG?sig=abc#x ",
        "https://example.com/x.jpeg",
        "https://example.com/x.gif",
        "https://example.com/x.webp",
        "https://example.com/paper.pdf",
      ],
      citations: true,
    });
    expect(result).toEqual({
      blocks: [
        { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } },
        {
          type: "image",
          source: { type: "url", url: "https://example.com/a/b/Chart.PNG?sig=abc#x" },
        },
        { type: "image", source: { type: "url", url: "https://example.com/x.jpeg" } },
        { type: "image", source: { type: "url", url: "https://example.com/x.gif" } },
        { type: "image", source: { type: "url", url: "https://example.com/x.webp" } },
        {
          type: "document",
          source: { type: "url", url: "https://example.com/paper.pdf" },
          citations: { enabled: true },
        },
      ],
    });
    expectSchemaValid(result.blocks);
  });

  it("refuses an http URL", () => {
    expect(refusal({ fileUrls: ["http://example.com/cat.png"] })).toBe(
      "File URLs: http://example.com/cat.png uses http; only https:// URLs are accepted.",
    );
  });

  it("refuses text that is not a URL", () => {
    expect(refusal({ fileUrls: ["example.com/cat.png"] })).toBe(
      'File URLs: "example.com/cat.png" is not a valid URL; enter a full https:// address of ' +
        "an image or PDF.",
    );
  });

  it("refuses a URL without an accepted extension", () => {
    const expected = (url: string): string =>
      `File URLs: ${url} does not end in an accepted extension; accepted: .jpg, .jpeg, .png, ` +
      ".gif or .webp for images, .pdf for documents.";
    expect(refusal({ fileUrls: ["https://example.com/report.docx"] })).toBe(
      expected("https://example.com/report.docx"),
    );
    expect(refusal({ fileUrls: ["https://example.com/image?format=png"] })).toBe(
      expected("https://example.com/image?format=png"),
    );
  });
});

describe("toAttachmentBlocks: file IDs", () => {
  it("turns ids into file sources and asks for the Files API beta", () => {
    const result = toAttachmentBlocks({
      fileIds: ["file_011CNha8iCJcU1wXNR6q4V8w", "image:file_abc", "document:file_Doc9"],
      citations: true,
    });
    expect(result).toEqual({
      blocks: [
        {
          type: "document",
          source: { type: "file", file_id: "file_011CNha8iCJcU1wXNR6q4V8w" },
          citations: { enabled: true },
        },
        { type: "image", source: { type: "file", file_id: "file_abc" } },
        {
          type: "document",
          source: { type: "file", file_id: "file_Doc9" },
          citations: { enabled: true },
        },
      ],
    });
    expectSchemaValid(result.blocks);
  });

  it("refuses an id of the wrong shape", () => {
    const expected = (id: string): string =>
      `File IDs: "${id}" is not a Files API file ID; enter file_... for a document or ` +
      "image:file_... for an image.";
    for (const id of ["abc", "file_", "file-abc", "image:file_a-b", "video:file_abc", "file_a b"]) {
      expect(refusal({ fileIds: [id] })).toBe(expected(id));
    }
  });
});

describe("toAttachmentBlocks: order", () => {
  it("puts files first, then URLs, then file IDs, each in input order", () => {
    const result = toAttachmentBlocks({
      fileIds: ["image:file_b", "file_c"],
      fileUrls: ["https://example.com/2.pdf", "https://example.com/1.png"],
      files: [
        { data: PDF, contentType: "application/pdf" },
        { data: PNG_1X1, contentType: "image/png" },
      ],
    });
    expect(
      result.blocks.map((block) => {
        const source = block.source;
        if (source.type === "url") return source.url;
        if (source.type === "file") return source.file_id;
        return source.media_type;
      }),
    ).toEqual([
      "application/pdf",
      "image/png",
      "https://example.com/2.pdf",
      "https://example.com/1.png",
      "file_b",
      "file_c",
    ]);
    expectSchemaValid(result.blocks);
  });
});

describe("cleanFiles", () => {
  it("treats unset as no files", () => {
    expect(cleanFiles(undefined)).toEqual([]);
    expect(cleanFiles(null)).toEqual([]);
    expect(cleanFiles("")).toEqual([]);
    expect(cleanFiles([])).toEqual([]);
  });

  it("takes a single value", () => {
    expect(cleanFiles(PNG_1X1)).toEqual([
      { data: PNG_1X1, contentType: "application/octet-stream" },
    ]);
    expect(cleanFiles("Some notes")).toEqual([
      { data: Buffer.from("Some notes"), contentType: "text/plain" },
    ]);
  });

  it("takes a spectral data payload as it is", () => {
    const payload = { data: PDF, contentType: "application/pdf" };
    const [file] = cleanFiles(payload);
    expect(file).toEqual({ data: PDF, contentType: "application/pdf" });
    expect(file.data).toBe(PDF);
  });

  it("takes an array, skipping empty entries and keeping file names", () => {
    expect(
      cleanFiles([
        { data: PNG_1X1, contentType: "image/png", fileName: "dot.png" },
        "",
        null,
        new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]),
      ]),
    ).toEqual([
      { data: PNG_1X1, contentType: "image/png", fileName: "dot.png" },
      { data: Buffer.from("%PDF-"), contentType: "application/octet-stream" },
    ]);
  });

  it("revives a Buffer that went through JSON", () => {
    const serialized = JSON.parse(JSON.stringify({ data: PNG_1X1, contentType: "image/png" }));
    expect(cleanFiles(serialized)).toEqual([{ data: PNG_1X1, contentType: "image/png" }]);
    expect(cleanFiles(JSON.parse(JSON.stringify(PNG_1X1)))).toEqual([
      { data: PNG_1X1, contentType: "application/octet-stream" },
    ]);
  });

  it("takes text given as a string in a payload, and refuses binary given that way", () => {
    expect(cleanFiles({ data: "hello", contentType: "text/markdown" })).toEqual([
      { data: Buffer.from("hello"), contentType: "text/markdown" },
    ]);
    expect(() => cleanFiles({ data: "iVBORw0KGgo=", contentType: "image/png" })).toThrow(
      new InputError(
        "Files",
        "#1 holds image/png as a string, not binary data; pass the file output of an earlier " +
          "step ({ data, contentType }) or plain text.",
      ),
    );
  });

  it("feeds toAttachmentBlocks", () => {
    const files = cleanFiles([PNG_1X1, { data: PDF, contentType: "application/pdf" }, TEXT]);
    const { blocks } = toAttachmentBlocks({ files });
    expect(blocks).toEqual([
      { type: "image", source: { type: "base64", media_type: "image/png", data: b64(PNG_1X1) } },
      {
        type: "document",
        source: { type: "base64", media_type: "application/pdf", data: b64(PDF) },
      },
      { type: "document", source: { type: "text", media_type: "text/plain", data: TEXT } },
    ]);
    expectSchemaValid(blocks);
  });
});
