/** An organization using the API, and the rules for its identity. */

export interface Customer {
  id: string;
  name: string;
  /** Mail domains, lower-case, e.g. "acme.com". */
  domains: string[];
}

/** Who is calling: for now an API key of one customer; roles come with real authentication. */
export interface Actor {
  kind: "API_KEY";
  id: string;
  name: string;
}
