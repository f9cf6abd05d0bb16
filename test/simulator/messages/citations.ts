import { blocksOf } from "./transcript";
import { type Citation, type DocumentBlockParam, isBlock, type MessageRequest } from "./types";

const MAX_CITED_CHARS = 200;

/** The first sentence, which is what the simulator "quotes". */
function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text);
  return (match ? match[0] : text).slice(0, MAX_CITED_CHARS);
}

/** Text shown with Tj in an uncompressed PDF; good enough for the PDFs tests build. */
function pdfText(base64: string): string {
  const pdf = Buffer.from(base64, "base64").toString("latin1");
  const match = /\(((?:[^()\\]|\\.)*)\)\s*Tj/.exec(pdf);
  return match ? firstSentence(match[1].replace(/\\(.)/g, "$1")) : "";
}

function citationFor(document: DocumentBlockParam, documentIndex: number): Citation {
  const base = {
    document_index: documentIndex,
    document_title: document.title ?? null,
    file_id: null,
  };
  const source = document.source;
  switch (source.type) {
    case "text": {
      const cited = firstSentence(source.data);
      return {
        type: "char_location",
        cited_text: cited,
        ...base,
        start_char_index: 0,
        end_char_index: cited.length,
      };
    }
    case "content": {
      const first = typeof source.content === "string" ? source.content : source.content[0];
      const cited =
        typeof first === "string" ? first : first && isBlock(first, "text") ? first.text : "";
      return {
        type: "content_block_location",
        cited_text: cited,
        ...base,
        start_block_index: 0,
        end_block_index: 1,
      };
    }
    default: {
      const cited = source.type === "base64" ? pdfText(source.data) : "";
      return {
        type: "page_location",
        cited_text: cited,
        ...base,
        start_page_number: 1,
        end_page_number: 2,
      };
    }
  }
}

/**
 * One citation for every user document with citations enabled. `document_index` counts all
 * documents of the request in order, as the API does.
 */
export function citationsFor(request: MessageRequest): Citation[] {
  const citations: Citation[] = [];
  let documentIndex = 0;
  for (const message of request.messages) {
    for (const block of blocksOf(message)) {
      if (!isBlock(block, "document")) continue;
      if (message.role === "user" && block.citations?.enabled) {
        citations.push(citationFor(block, documentIndex));
      }
      documentIndex++;
    }
  }
  return citations;
}
