package org.trilateral.exchange.delivery.webhook;

/**
 * An endpoint's two queues, each delivered in position order with a cursor of its own: the priority collection's
 * events (advisories) go first whenever there are any, so they never wait behind a backlog of other traffic.
 */
enum Lane {
    /** The advisory collection ({@code exchange.advisories.collection}). */
    ADVISORIES("advisories"),
    /** Every other collection. */
    GENERAL("general");

    private final String value;

    Lane(String value) {
        this.value = value;
    }

    /** The name in the database, in deliveries and in the API. */
    String value() {
        return value;
    }

    static Lane of(String value) {
        for (Lane lane : values()) {
            if (lane.value.equals(value)) {
                return lane;
            }
        }
        throw new IllegalArgumentException("no lane '" + value + "'");
    }
}
