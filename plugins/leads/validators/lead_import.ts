import vine from '@vinejs/vine'

/**
 * The options of `POST /api/leads/import`, from the query string: the body
 * is the file itself (a raw CSV body has no room for anything else).
 */
export const importOptionsValidator = vine.create(
  vine.object({
    /** Chosen by the client, so it can poll the import while the upload runs. */
    id: vine.string().uuid().optional(),
    file_name: vine.string().trim().minLength(1).maxLength(255).optional(),
    /** A JSON object: CSV header -> lead field, or null for "do not import". */
    mapping: vine.string().maxLength(100_000).optional(),
  })
)

/** `POST /api/leads/import/preview?partial=true`: the body is the file's first part, cut anywhere. */
export const previewOptionsValidator = vine.create(
  vine.object({
    partial: vine.boolean().optional(),
  })
)
