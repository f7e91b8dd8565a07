/**
 * Where the content tree is, relative to the project root. `EDELWEISS_CONTENT` points a build
 * at another tree (test fixtures, benchmark corpora) without touching `content/`.
 */
export const contentDir = process.env.EDELWEISS_CONTENT ?? './content';
