/**
 * A JSON line is a KumoMTA record only with KumoMTA's own keys (ESP webhook events are not logs): also
 * its response object (`"response":{"code":550,"enhanced_code":...,"content":...}`) in a record cut to a
 * few fields (a test's, an issue's). Used to tell a log's format (detect.ts) and, where ESP events are
 * read too (formats/esp-event.ts), which reader a JSON record goes to (dispatch.ts).
 */
export const KUMO_KEYS =
  /"(?:egress_pool|egress_source|num_attempts|peer_address|nodeid|site)"\s?:|"response"\s?:\s?\{\s?"code"\s?:\s?\d{3}\s?,\s?"(?:enhanced_code|content)"/;
