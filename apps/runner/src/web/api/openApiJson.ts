/** A JSON Schema type that also admits null: `{ type: [type, 'null'] }`. */
export const nullable = (type: string) => ({ type: [type, 'null'] });

/** A reference to the schema `name` of the document's `components.schemas`. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
