/** One FAQ entry: a Markdown file in `faq/` with YAML front matter. */
export interface FaqEntry {
  /** Kebab-case id, equal to the file name without `.md`. */
  readonly id: string;
  /** The canonical question. */
  readonly question: string;
  /** A few words naming the entry on buttons and in lists ("Hacked account"). */
  readonly short?: string;
  /** Other ways people ask the same thing. */
  readonly alternates: readonly string[];
  /** Category id, one of `faq/categories.yaml`. */
  readonly category: string;
  readonly tags: readonly string[];
  /** Ids of entries worth reading next. */
  readonly related: readonly string[];
  /** Public URLs the answer is based on. */
  readonly sources: readonly string[];
  /** Date the answer was last checked against its sources (YYYY-MM-DD). */
  readonly reviewed: string;
  /** The answer, in Markdown. */
  readonly answer: string;
}

/** One group of the domain thesaurus: every synonym (word or phrase) is read as `canonical`. */
export interface ThesaurusGroup {
  readonly canonical: string;
  readonly synonyms: readonly string[];
}

/** A topic that groups entries, for browsing. */
export interface Category {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** Everything loaded from `faq/`, validated and immutable. */
export interface KnowledgeBase {
  readonly entries: readonly FaqEntry[];
  readonly categories: readonly Category[];
  readonly thesaurus: readonly ThesaurusGroup[];
  /** Short content hash: changes whenever any file of the knowledge base changes. */
  readonly version: string;
}
