package org.trilateral.exchange.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.Nation;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange's sharing groups, each a STIX 2.1 marking definition (§7.2.1) with a fixed id and the exchange's
 * sharing-group property extension (§7.3). A group marking narrows an object to the group's members; membership is
 * derived from the registry (nation, sector) at every request, so it follows changes to a member.
 */
public enum SharingGroup {
    TRILATERAL_GOVERNMENT("trilateral-government", "ec53c4a9-a9d3-470b-9b21-276df0a83471",
            "Government members of the United States, Japan and the Republic of Korea",
            m -> m.sector() == Sector.GOVERNMENT && EnumSet.of(Nation.US, Nation.JP, Nation.KR).contains(m.nation())),
    SECTOR_GOVERNMENT("sector-government", "3e5dcbac-a2f2-4d11-8844-92d5b7ad9e31",
            "Government members of any nation", m -> m.sector() == Sector.GOVERNMENT),
    SECTOR_FREELANCE_PLATFORM("sector-freelance-platform", "06283aba-014f-49a0-aead-20d33c53b2b8",
            "Freelance-platform members", m -> m.sector() == Sector.FREELANCE_PLATFORM),
    SECTOR_PAYMENT_PROVIDER("sector-payment-provider", "c4209363-e91f-46f7-a465-fdf7ededeb24",
            "Payment-provider members", m -> m.sector() == Sector.PAYMENT_PROVIDER),
    SECTOR_CRYPTOCURRENCY_BUSINESS("sector-cryptocurrency-business", "f845aa82-087e-4b07-aebd-24d1bf4f138e",
            "Cryptocurrency-business members", m -> m.sector() == Sector.CRYPTOCURRENCY_BUSINESS),
    SECTOR_AI_COMPANY("sector-ai-company", "6a829f25-cb89-4713-a718-8c52e89b725c",
            "AI-company members", m -> m.sector() == Sector.AI_COMPANY),
    SECTOR_TECHNOLOGY("sector-technology", "7f624063-88bb-4104-ac41-208d2b2a04d1",
            "Technology-company members", m -> m.sector() == Sector.TECHNOLOGY),
    SECTOR_SOFTWARE("sector-software", "8165e908-0a10-4a3a-8041-05769c6424ff",
            "Software-company members", m -> m.sector() == Sector.SOFTWARE),
    SECTOR_DEFENCE("sector-defence", "1a939c43-5b7c-4b51-8226-1f35a183d46d",
            "Defence-industry members", m -> m.sector() == Sector.DEFENCE),
    SECTOR_OTHER("sector-other", "2047e542-21aa-4d23-86a5-bde178f5b9de",
            "Members of other sectors", m -> m.sector() == Sector.OTHER),
    NATION_US("nation-us", "e2139629-9d52-42e9-b819-b67c0fa32512",
            "Members of the United States, whatever their sector", m -> m.nation() == Nation.US),
    NATION_JP("nation-jp", "7f4faeb8-526e-4ede-8cc6-87221fce2441",
            "Members of Japan, whatever their sector", m -> m.nation() == Nation.JP),
    NATION_KR("nation-kr", "6bb474ff-7b77-4fe4-96ec-68fd2c8e8840",
            "Members of the Republic of Korea, whatever their sector", m -> m.nation() == Nation.KR);

    /** The property extension (STIX 2.1 §7.3) that the sharing-group marking definitions carry. */
    public static final String EXTENSION_ID = "extension-definition--7d5d9de7-9915-4fe7-a794-1754fdd6fddf";

    private final String groupName;
    private final String id;
    private final String description;
    private final Predicate<Member> members;

    SharingGroup(String groupName, String uuid, String description, Predicate<Member> members) {
        this.groupName = groupName;
        this.id = "marking-definition--" + uuid;
        this.description = description;
        this.members = members;
    }

    /** The group's name, e.g. {@code trilateral-government}. */
    public String groupName() {
        return groupName;
    }

    /** The id of the group's marking definition. */
    public String id() {
        return id;
    }

    /** Whether {@code member} belongs to the group. */
    public boolean includes(Member member) {
        return members.test(member);
    }

    /** The names of the groups {@code member} belongs to. */
    public static Set<String> groupsOf(Member member) {
        return Arrays.stream(values()).filter(g -> g.includes(member)).map(SharingGroup::groupName)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The group whose marking definition has id {@code id}. */
    public static Optional<SharingGroup> fromId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }

    /** A fresh copy of the group's marking-definition object, created by the exchange's identity. */
    public ObjectNode markingDefinition() {
        ObjectNode marking = StixJson.mapper().createObjectNode()
                .put("type", "marking-definition")
                .put("spec_version", "2.1")
                .put("id", id)
                .put("created_by_ref", ExchangeIdentity.ID)
                .put("created", ExchangeIdentity.CREATED)
                .put("name", "Sharing group: " + groupName);
        marking.putObject("extensions").putObject(EXTENSION_ID)
                .put("extension_type", "property-extension")
                .put("sharing_group", groupName)
                .put("description", description);
        return marking;
    }
}
