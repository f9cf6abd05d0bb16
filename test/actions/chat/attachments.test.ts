import { expectValidCreateBody, runChat } from "../../support/chat";
import { PDF, PNG_1X1 } from "../../support/files";
import { failureOf, useSimulator } from "../../support/harness";

const { sim, connection } = useSimulator();

const sentMessages = () => (sim().requests[0].body as { messages: unknown[] }).messages;

describe("chat attachments", () => {
  it("asks about a PDF and an image from earlier steps, placed before the question", async () => {
    const data = await runChat(connection(), {
      initialMessage: "Does the invoice match the photo?",
      files: [
        { data: PDF, contentType: "application/pdf", fileName: "invoice.pdf" },
        { data: PNG_1X1, contentType: "image/png" },
      ],
    });
    expect(sentMessages()).toEqual([
      {
        role: "user",
        content: [
          {
            type: "document",
            source: { type: "base64", media_type: "application/pdf", data: PDF.toString("base64") },
            title: "invoice.pdf",
          },
          {
            type: "image",
            source: { type: "base64", media_type: "image/png", data: PNG_1X1.toString("base64") },
          },
          { type: "text", text: "Does the invoice match the photo?" },
        ],
      },
    ]);
    expectValidCreateBody(sim().requests[0]);
    expect(sim().requests[0].headers["anthropic-beta"]).toBeUndefined();
    expect(data.text).toBe(
      "Simulated reply to: Does the invoice match the photo? (saw 1 image, 1 document)",
    );
  });

  it("takes a single file, sniffing its type when the step gave none", async () => {
    await runChat(connection(), { initialMessage: "What is this?", files: { data: PNG_1X1 } });
    expect(sentMessages()).toEqual([
      {
        role: "user",
        content: [
          {
            type: "image",
            source: { type: "base64", media_type: "image/png", data: PNG_1X1.toString("base64") },
          },
          { type: "text", text: "What is this?" },
        ],
      },
    ]);
  });

  it("sends URLs and Files API ids, with citations and no beta header (Files is generally available)", async () => {
    const data = await runChat(connection(), {
      initialMessage: "Summarise with citations",
      fileUrls: ["https://example.com/report.pdf", "https://example.com/chart.png"],
      fileIds: ["file_011CNha8iCJcU1wXNR6q4V8w", "image:file_022ABC"],
      citations: "true",
    });
    const [request] = sim().requests;
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    expect(request.path).toBe("/v1/messages");
    expect(request.query).toEqual({});
    expect(sentMessages()).toEqual([
      {
        role: "user",
        content: [
          {
            type: "document",
            source: { type: "url", url: "https://example.com/report.pdf" },
            citations: { enabled: true },
          },
          { type: "image", source: { type: "url", url: "https://example.com/chart.png" } },
          {
            type: "document",
            source: { type: "file", file_id: "file_011CNha8iCJcU1wXNR6q4V8w" },
            citations: { enabled: true },
          },
          { type: "image", source: { type: "file", file_id: "file_022ABC" } },
          { type: "text", text: "Summarise with citations" },
        ],
      },
    ]);
    expectValidCreateBody(request);
    expect(data.text).toContain("(saw 2 images, 2 documents)");
  });

  it("returns citations for a cited document", async () => {
    const data = await runChat(connection(), {
      initialMessage: "What does the policy say?",
      files: [
        {
          data: Buffer.from("Refunds are accepted within 30 days."),
          contentType: "text/plain",
          fileName: "policy.txt",
        },
      ],
      citations: "true",
    });
    expect(sentMessages()).toEqual([
      {
        role: "user",
        content: [
          {
            type: "document",
            source: {
              type: "text",
              media_type: "text/plain",
              data: "Refunds are accepted within 30 days.",
            },
            title: "policy.txt",
            citations: { enabled: true },
          },
          { type: "text", text: "What does the policy say?" },
        ],
      },
    ]);
    expectValidCreateBody(sim().requests[0]);
    const cited = data.content.find((block) =>
      Array.isArray((block as { citations?: unknown }).citations),
    );
    expect(cited).toMatchObject({
      citations: [
        expect.objectContaining({
          type: "char_location",
          document_index: 0,
          document_title: "policy.txt",
        }),
      ],
    });
  });

  it("refuses an unsupported file type before sending", async () => {
    const error = await failureOf(
      runChat(connection(), {
        initialMessage: "Read this",
        files: [
          {
            data: Buffer.from("PK\u0003\u0004zip"),
            contentType: "application/zip",
            fileName: "a.zip",
          },
        ],
      }),
    );
    expect(error.message).toBe(
      "Files: a.zip is application/zip; accepted: JPEG, PNG, GIF or WebP images, PDF, or plain text.",
    );
    expect(sim().requests).toHaveLength(0);
  });
});
