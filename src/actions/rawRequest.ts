import { action } from "@prismatic-io/spectral";
import { JSON_ANSWER } from "../client/answers";
import { createAnthropicClient } from "../client/createAnthropicClient";
import { exampleModelPage } from "../examples";
import { InputError } from "../inputs/clean";
import { rawRequestInputs } from "../inputs/rawRequest";
import { connectionInput } from "../inputs/shared";
import { toApiPath } from "../rawRequest/apiPath";
import { toMultipartBody } from "../rawRequest/multipart";

export const rawRequest = action({
  display: {
    label: "Raw Request",
    description: "Send raw HTTP request to Anthropic",
  },
  inputs: { connection: connectionInput, ...rawRequestInputs },
  perform: async (context, values) => {
    const path = toApiPath(values.url);
    const multipart = values.formData.length > 0 || values.fileData.length > 0;
    if (multipart && values.data !== undefined) {
      throw new InputError(
        "Data",
        "cannot be combined with Form Data or File Data; send either a JSON body or a multipart form.",
      );
    }
    const form = multipart
      ? toMultipartBody(values.formData, values.fileData, values.fileDataFileNames)
      : undefined;
    const client = createAnthropicClient(values.connection, context, {
      timeoutMs: values.timeout,
      debug: values.debugRequest,
      retry: {
        retries: values.maxRetries,
        retryAllErrors: values.retryAllErrors,
        fixedDelayMs: values.retryDelayMS,
        doubleFixedDelay: values.useExponentialBackoff,
      },
    });
    const response = await client.request({
      method: values.method,
      path,
      query: values.queryParams,
      body: form ? form.body : values.data,
      headers: { ...values.headers, ...form?.headers },
      responseType: values.responseType,
      answer: values.responseType === "json" ? JSON_ANSWER : undefined,
    });
    if (values.responseType === "arraybuffer") {
      const contentType = String(response.headers["content-type"] ?? "application/octet-stream");
      return { data: Buffer.from(response.data as ArrayBuffer), contentType };
    }
    return { data: response.data };
  },
  examplePayload: { data: exampleModelPage },
});
