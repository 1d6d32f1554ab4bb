package org.trilateral.client.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A durable poll position: where the page being read started (the TAXII {@code next} that fetched it, or null for
 * the first page) and the last object of that page the caller finished (id, version, and how many objects of the
 * page that was). Stored as text lines; a plain {@code next} (the form of earlier versions) is read as the start of
 * a page with nothing done.
 */
record PollPosition(String pageStart, String lastId, String lastVersion, int done) {

    private static final String MARK = "poll-position/1";

    String format() {
        return String.join("\n", MARK, pageStart == null ? "" : pageStart, lastId == null ? "" : lastId,
                lastVersion == null ? "" : lastVersion, Integer.toString(done));
    }

    static PollPosition parse(String stored) {
        String[] lines = stored.split("\n", -1);
        if (lines.length != 5 || !lines[0].equals(MARK)) {
            return new PollPosition(stored, null, null, 0);
        }
        return new PollPosition(lines[1].isEmpty() ? null : lines[1], lines[2].isEmpty() ? null : lines[2],
                lines[3].isEmpty() ? null : lines[3], Integer.parseInt(lines[4]));
    }

    /**
     * Where to continue in the page fetched again: after the last object done, found by id and version; if it is no
     * longer there (deleted meanwhile), after as many objects as were done.
     */
    int skipIn(List<JsonNode> page) {
        for (int i = 0; i < page.size(); i++) {
            JsonNode object = page.get(i);
            String version = object.path("modified").asString(object.path("created").asString(""));
            if (object.path("id").asString("").equals(lastId) && version.equals(lastVersion)) {
                return i + 1;
            }
        }
        return Math.min(done, page.size());
    }
}
