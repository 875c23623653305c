package io.mingjing.platform.portal;

import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The towns and villages the caller may act on, as the staff forms offer them (the one rule: {@link Places}). */
@RequestScoped
public class StaffPlaces {

    @Inject
    Places places;

    public List<OrgUnit> mine(OrgUnitLevel... levels) {
        List<OrgUnitLevel> wanted = List.of(levels);
        return OrgUnit.<OrgUnit>listAll(Sort.by("code")).stream().filter(u -> wanted.contains(u.level))
                .filter(u -> places.mayActOn(u.code)).toList();
    }
}
