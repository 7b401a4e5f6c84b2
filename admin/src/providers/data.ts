import simpleRest from '@refinedev/simple-rest'
import { API_URL, http } from './http'

/**
 * The API speaks the simple-rest dialect (_start/_end, _sort/_order,
 * field_like/_gte/_lte/_ne, q, x-total-count); `http` turns failures into
 * HttpError with the 422 field errors that forms show under each field.
 */
export const dataProvider = simpleRest(API_URL, http)
