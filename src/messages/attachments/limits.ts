/** The Messages API's limits on attachments, checked before a request is sent. */

export const MB = 1024 * 1024;

/**
 * Per image, measured as the API measures it: on the base64 text ("image exceeds 5 MB maximum:
 * 6405384 bytes > 5242880 bytes" is answered for a 4.8 MB file), so about 3.75 MB as a file.
 */
export const MAX_IMAGE_ENCODED_BYTES = 5 * MB;
/** The whole request is limited to 32 MB, so no single PDF can be larger once encoded. */
export const MAX_REQUEST_BYTES = 32 * MB;
export const MAX_IMAGES = 100;
/** Pixels on either side. */
export const MAX_IMAGE_SIDE = 8000;
/** With more than MANY_IMAGES images in one request, each side may be at most this. */
export const MANY_IMAGES = 20;
export const MAX_IMAGE_SIDE_WHEN_MANY = 2000;
/** RequestDocumentBlock.title: 1 to 500 characters. */
export const MAX_TITLE_LENGTH = 500;

/** The length of the base64 text for `bytes` bytes of data. */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

const groupDigits = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * "6.2 MB"; exact bytes when one decimal would make a size over the limit read as the limit
 * ("5.0 MB; ... at most 5 MB" would not explain the refusal).
 */
export const formatSize = (bytes: number, limit: number): string => {
  const rounded = (bytes / MB).toFixed(1);
  return Number(rounded) * MB > limit ? `${rounded} MB` : `${groupDigits(bytes)} bytes`;
};

/** "5 MB", with the exact bytes when the size beside it is given in bytes. */
export const formatLimit = (bytes: number, limit: number): string => {
  const megabytes = `${limit / MB} MB`;
  return formatSize(bytes, limit).endsWith(" MB")
    ? megabytes
    : `${megabytes} (${groupDigits(limit)} bytes)`;
};
