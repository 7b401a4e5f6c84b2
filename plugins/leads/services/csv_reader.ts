/**
 * A streaming CSV reader (RFC 4180, as spreadsheets write it): fields are
 * separated by commas, records by CRLF, LF or a lone CR; a field in double
 * quotes may hold commas, line breaks and doubled quotes (`""`). Leniencies,
 * as spreadsheets read files: a quote inside an unquoted field is kept as
 * is, and text after a closing quote is appended to the field.
 *
 * Text goes in chunk by chunk (`push`), complete records come out through
 * the callback with their number (1 = the first record, the header);
 * an unfinished record waits for the next chunk, so memory holds one record
 * at most, and a record longer than `maxRecordLength` characters (a quote
 * left open swallows the rest of the file) is an error rather than a heap
 * that grows with the file. No Node APIs: the admin may use it as well.
 */

const QUOTE = 34 // "
const COMMA = 44
const LF = 10
const CR = 13

export class CsvError extends Error {
  constructor(
    message: string,
    readonly row: number
  ) {
    super(message)
  }
}

export type RecordHandler = (fields: string[], row: number) => void

export class CsvReader {
  /* the text not yet read: an unfinished record (and what came after it) */
  #buffer = ''
  #row = 0
  #ended = false
  readonly #onRecord: RecordHandler
  readonly #maxRecordLength: number

  constructor(onRecord: RecordHandler, options: { maxRecordLength?: number } = {}) {
    this.#onRecord = onRecord
    this.#maxRecordLength = options.maxRecordLength ?? 1 << 20
  }

  /** Records read so far (the header included). */
  get rows() {
    return this.#row
  }

  push(text: string) {
    if (this.#ended) throw new Error('CsvReader: push after end')
    this.#buffer = this.#buffer ? this.#buffer + text : text
    this.#read(false)
  }

  /** The end of the text: the last record needs no line break. */
  end() {
    if (this.#ended) return
    this.#read(true)
    this.#ended = true
  }

  #read(final: boolean) {
    const s = this.#buffer
    const n = s.length
    let i = 0
    while (i < n) {
      const start = i
      const fields: string[] = []
      let complete = false
      // one record: field after field, until a line break (or the end of the text, at the end)
      for (;;) {
        let value: string
        if (s.charCodeAt(i) === QUOTE) {
          value = ''
          let from = i + 1
          let closed = -1
          for (;;) {
            const quote = s.indexOf('"', from)
            if (quote === -1) break
            if (quote + 1 < n && s.charCodeAt(quote + 1) === QUOTE) {
              value += s.slice(from, quote + 1)
              from = quote + 2
              continue
            }
            // a quote as the last character: "" may follow in the next chunk
            if (quote + 1 === n && !final) break
            value += s.slice(from, quote)
            closed = quote
            break
          }
          if (closed === -1) {
            if (!final) break
            throw new CsvError(
              `Row ${this.#row + 1}: a quoted field is never closed (a " is missing)`,
              this.#row + 1
            )
          }
          i = closed + 1
          // text between the closing quote and the next separator stays part of the field
          const end = nextSeparator(s, i)
          if (end === -1) {
            if (!final) break
            value += s.slice(i)
            i = n
          } else {
            value += s.slice(i, end)
            i = end
          }
        } else {
          const end = nextSeparator(s, i)
          if (end === -1) {
            if (!final) break
            value = s.slice(i)
            i = n
          } else {
            value = s.slice(i, end)
            i = end
          }
        }
        fields.push(value)
        if (i >= n) {
          // only reached when final: the last record without a line break
          complete = true
          break
        }
        const c = s.charCodeAt(i)
        if (c === COMMA) {
          i++
          // a comma as the very last character is an empty last field
          if (i >= n) {
            if (!final) break
            fields.push('')
            complete = true
            break
          }
          continue
        }
        if (c === CR) {
          // CRLF: the LF may come with the next chunk
          if (i + 1 >= n && !final) break
          i += i + 1 < n && s.charCodeAt(i + 1) === LF ? 2 : 1
        } else {
          i++ // LF
        }
        complete = true
        break
      }
      if (!complete) {
        if (n - start > this.#maxRecordLength) {
          throw new CsvError(
            `Row ${this.#row + 1} is longer than ${this.#maxRecordLength} characters: is a quote left open?`,
            this.#row + 1
          )
        }
        this.#buffer = s.slice(start)
        return
      }
      this.#row++
      this.#onRecord(fields, this.#row)
    }
    this.#buffer = ''
  }
}

const SEPARATOR = /[,\r\n]/g

/** The index of the next comma, CR or LF from `from`, or -1. */
function nextSeparator(s: string, from: number) {
  SEPARATOR.lastIndex = from
  const found = SEPARATOR.exec(s)
  return found ? found.index : -1
}

/** Whether a record is empty: a blank line, or only empty fields (`,,,`, as spreadsheets pad). */
export function isBlankRecord(fields: string[]) {
  for (const field of fields) if (field !== '') return false
  return true
}

/** Parses a whole text (a preview): the records, the header first. `partial`: the text may end mid-record. */
export function readCsvText(
  text: string,
  options: { partial?: boolean; limit?: number } = {}
): string[][] {
  const records: string[][] = []
  const limit = options.limit ?? Infinity
  const stop = new Error('enough')
  const reader = new CsvReader((fields) => {
    records.push(fields)
    if (records.length >= limit) throw stop
  })
  try {
    reader.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    if (!options.partial) reader.end()
  } catch (error) {
    if (error !== stop) throw error
  }
  return records
}
