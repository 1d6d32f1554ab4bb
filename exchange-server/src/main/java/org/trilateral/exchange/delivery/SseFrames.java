package org.trilateral.exchange.delivery;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent events (HTML Living Standard §9.2, "event stream" format) as the bytes a stream writes. A change's frame
 * is encoded once, when its page is read, and the same bytes are written to every subscriber whose event id is the
 * usual one (the change's position + 1): a thousand subscribers of a change cost one encoding, not a thousand.
 */
final class SseFrames {

    private SseFrames() {
    }

    /** An event: {@code id}, {@code event} and its {@code data} (one {@code data:} line per line of it). */
    static byte[] event(String id, String event, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 48);
        frame.append("id:").append(id).append('\n');
        frame.append("event:").append(event).append('\n');
        frame.append("data:");
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\n') {
                frame.append("\ndata:");
            } else if (c != '\r') {
                frame.append(c);
            }
        }
        frame.append("\n\n");
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A comment with an {@code id} (a heartbeat: it moves the client's last event id without an event). */
    static byte[] comment(String id, String comment) {
        return ("id:" + id + "\n:" + comment + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
