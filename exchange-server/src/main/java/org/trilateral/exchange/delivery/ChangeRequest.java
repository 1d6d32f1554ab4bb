package org.trilateral.exchange.delivery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;

/**
 * A change-feed or stream request as typed values: the selection (the named collection, else every collection the
 * member may read; the types) and the positions asked for.
 *
 * @param from  the first position wanted ({@code from}, or {@code Last-Event-ID}, which wins); empty for the head
 * @param advisoryFrom the advisory lane's first position, when {@code Last-Event-ID} names one ({@code main:advisory})
 * @param to    the position to stop before ({@code to}, feed only); empty for the head
 * @param limit the most changes in one page (feed only)
 */
record ChangeRequest(ChangeSelection selection, OptionalLong from, OptionalLong advisoryFrom, OptionalLong to,
                     int limit) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,249}");
    private static final Pattern POSITION = Pattern.compile("0|[1-9][0-9]{0,18}");

    /**
     * @param collection the {@code collection} parameter: a collection's id or alias
     * @param types      the {@code type} parameters, each possibly a comma-separated list
     */
    static ChangeRequest of(Member member, CollectionRegistry registry, Optional<String> collection, List<String> types,
                            Optional<String> from, Optional<String> lastEventId, Optional<String> to,
                            Optional<String> limit, int maxLimit) {
        List<TaxiiCollection> readable;
        if (collection.isPresent()) {
            TaxiiCollection named = registry.find(collection.get())
                    .orElseThrow(() -> Refusal.notFound("the exchange has no collection '" + collection.get() + "'"));
            // The security chain has refused a member that may not read it; should it ever let one through, the
            // selection is empty and the request ends as for an unknown collection, never with the changes.
            if (!named.canRead(member)) {
                throw Refusal.notFound("the exchange has no collection '" + collection.get() + "'");
            }
            readable = List.of(named);
        } else {
            readable = registry.all().stream().filter(c -> c.canRead(member)).toList();
            if (readable.isEmpty()) {
                throw Refusal.notFound("the member may read no collection");
            }
        }
        Set<String> typeSet = new LinkedHashSet<>();
        for (String list : types) {
            for (String type : list.split(",", -1)) {
                if (!TYPE.matcher(type).matches()) {
                    throw Refusal.invalid("type", "\"" + type + "\" is not a STIX type (lowercase letters, digits and"
                            + " hyphens, 3 to 250 characters)");
                }
                typeSet.add(type);
            }
        }
        OptionalLong start;
        OptionalLong advisoryStart = OptionalLong.empty();
        if (lastEventId.isPresent()) {
            StreamPosition resume = StreamPosition.parse("Last-Event-ID", lastEventId.get());
            start = OptionalLong.of(resume.main());
            advisoryStart = OptionalLong.of(resume.advisory());
        } else {
            start = from.map(f -> position("from", f)).orElse(OptionalLong.empty());
        }
        OptionalLong end = to.map(t -> position("to", t)).orElse(OptionalLong.empty());
        int size = maxLimit;
        if (limit.isPresent()) {
            long asked = position("limit", limit.get()).getAsLong();
            if (asked < 1 || asked > maxLimit) {
                throw Refusal.invalid("limit", "limit must be between 1 and " + maxLimit
                        + " (exchange.delivery.page-size), not " + asked);
            }
            size = (int) asked;
        }
        return new ChangeRequest(new ChangeSelection(readable.stream().map(TaxiiCollection::id).toList(), typeSet),
                start, advisoryStart, end, size);
    }

    private static OptionalLong position(String name, String text) {
        if (!POSITION.matcher(text).matches()) {
            throw Refusal.invalid(name, name + " must be a non-negative decimal number, not \"" + text + "\"");
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + " (" + text + ") is too large");
        }
    }
}
