/**
 * A small multipart/form-data parser (RFC 7578) over the exact request bytes: part bodies are
 * Buffer slices, never decoded, so binary uploads come through byte for byte.
 */
import { invalidRequest } from "../errors";

export interface FormPart {
  /** The Content-Disposition `name`. */
  name: string;
  /** The Content-Disposition `filename` (or `filename*`), when the part is a file. */
  filename?: string;
  /** The part's Content-Type header, when it has one. */
  contentType?: string;
  body: Buffer;
}

const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");

/** The boundary of a `multipart/form-data; boundary=…` content type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Content-Disposition parameters: quoted (with \" escapes), bare, or RFC 5987 `name*`. */
function dispositionParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of value.matchAll(/;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const key = match[1].toLowerCase();
    const raw = match[2].trim();
    if (key.endsWith("*")) {
      // charset'language'percent-encoded, e.g. UTF-8''na%C3%AFve.txt
      const encoded = /^[^']*'[^']*'(.*)$/.exec(raw)?.[1];
      if (encoded === undefined) continue;
      try {
        params[key.slice(0, -1)] = decodeURIComponent(encoded);
      } catch {
        // an undecodable extended value: the plain parameter, if any, stands
      }
    } else if (!(key in params)) {
      // browsers and undici leave backslashes alone (C:\path\x.csv): only \" and \\ are escapes
      params[key] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(["\\])/g, "$1") : raw;
    }
  }
  return params;
}

function parseHeaders(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.toString("utf8").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const malformed = () => invalidRequest("Malformed multipart/form-data body");

function toPart(headerBlock: Buffer, body: Buffer): FormPart | undefined {
  const headers = parseHeaders(headerBlock);
  const disposition = headers["content-disposition"];
  if (!disposition || !/^\s*form-data\s*(;|$)/i.test(disposition)) return undefined;
  const params = dispositionParams(disposition);
  if (params.name === undefined) return undefined;
  return {
    name: params.name,
    filename: params.filename,
    contentType: headers["content-type"],
    body,
  };
}

/**
 * Every part with a form-data Content-Disposition, in order. Throws a 400 when the body does
 * not have the framing: `--boundary CRLF headers CRLF CRLF body CRLF --boundary … --boundary--`.
 */
export function parseMultipart(bytes: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  let position = bytes.indexOf(delimiter);
  if (position < 0) throw malformed();
  position += delimiter.length;
  const parts: FormPart[] = [];
  for (;;) {
    if (bytes.subarray(position, position + 2).toString("latin1") === "--") return parts;
    // transport padding (spaces, tabs) may follow a delimiter before its CRLF
    while (bytes[position] === 0x20 || bytes[position] === 0x09) position++;
    if (!bytes.subarray(position, position + 2).equals(CRLF)) throw malformed();
    position += 2;
    let bodyStart: number;
    let headerBlock: Buffer;
    if (bytes.subarray(position, position + 2).equals(CRLF)) {
      headerBlock = Buffer.alloc(0);
      bodyStart = position + 2;
    } else {
      const headersEnd = bytes.indexOf(HEADERS_END, position);
      if (headersEnd < 0) throw malformed();
      headerBlock = bytes.subarray(position, headersEnd);
      bodyStart = headersEnd + HEADERS_END.length;
    }
    const bodyEnd = bytes.indexOf(nextDelimiter, bodyStart);
    if (bodyEnd < 0) throw malformed();
    const part = toPart(headerBlock, bytes.subarray(bodyStart, bodyEnd));
    if (part) parts.push(part);
    position = bodyEnd + nextDelimiter.length;
  }
}
