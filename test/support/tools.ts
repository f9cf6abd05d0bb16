/** Tool definitions the chat tests share. */

export const weatherTool = {
  name: "get_weather",
  description: "Current weather for a city",
  input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

export const lookupTool = {
  name: "lookup_order",
  description: "Find an order by id",
  input_schema: {
    type: "object",
    properties: { order_id: { type: "string" } },
    required: ["order_id"],
  },
};

export const refundTool = {
  name: "refund_order",
  description: "Refund an order",
  input_schema: {
    type: "object",
    properties: { order_id: { type: "string" } },
    required: ["order_id"],
  },
};
