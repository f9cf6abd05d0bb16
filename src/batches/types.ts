/** The Message Batches API's shapes, as the connector reads them. */
import type { BatchResultType } from "../defaults";
import type { CreateMessageBody } from "../messages/types";

export type BatchStatus = "in_progress" | "canceling" | "ended";

export interface BatchRequestCounts {
  processing: number;
  succeeded: number;
  errored: number;
  canceled: number;
  expired: number;
}

export interface MessageBatch {
  id: string;
  type: "message_batch";
  processing_status: BatchStatus;
  request_counts: BatchRequestCounts;
  created_at: string;
  ended_at: string | null;
  expires_at: string;
  archived_at: string | null;
  cancel_initiated_at: string | null;
  results_url: string | null;
  [field: string]: unknown;
}

export interface BatchRequest {
  custom_id: string;
  params: CreateMessageBody | Record<string, unknown>;
}

/** One line of a batch's results file. */
export interface BatchResult {
  custom_id: string;
  result: { type: BatchResultType | string; [field: string]: unknown };
}

export type ResultCounts = Record<BatchResultType, number>;
