package io.mingjing.platform.orgunit;

/** 乡镇/街道 · 村/社区 · 网格. The county itself is the tenant, not an org unit. */
public enum OrgUnitLevel {
    TOWN, VILLAGE, GRID;

    /** The level a unit's parent must have; null for towns, which hang under the county. */
    public OrgUnitLevel parentLevel() {
        return switch (this) {
            case TOWN -> null;
            case VILLAGE -> TOWN;
            case GRID -> VILLAGE;
        };
    }
}
