package io.mingjing.platform.staff;

import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.resident.Resident;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Whom a county descriptor's demo file names and when: a staff member by username, else a resident by
 * phone (their login), acting as the caller they would be when logged in; and days counted back from
 * today, so a demo loaded any day reads as recent work.
 */
public final class DemoPeople {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private DemoPeople() {
    }

    /** @param file the descriptor file, named in the error when nobody fits */
    public static Caller caller(String county, String who, String file) {
        StaffMember staff = who == null ? null : StaffMember.find("username", who).firstResult();
        if (staff != null) {
            return new Caller(staff.userId, staff.username, Set.of(staff.role), staff.orgUnit, county);
        }
        Resident r = who == null ? null : Resident.find("phone", who).firstResult();
        if (r == null || r.userId == null) {
            throw new IllegalArgumentException(file + " names nobody called " + who);
        }
        return new Caller(r.userId, who, Set.of(Role.VILLAGER), null, county);
    }

    /** {@code daysAgo} days before today at {@code hour} (9 when null), China time; never later than now. */
    public static Instant daysAgo(int daysAgo, Integer hour) {
        Instant at = LocalDate.now(CHINA).minusDays(daysAgo).atTime(LocalTime.of(hour == null ? 9 : hour, 30))
                .atZone(CHINA).toInstant();
        Instant now = Instant.now();
        return at.isAfter(now) ? now : at;
    }

    /** The end of the working day {@code inDays} days from today (negative: past), China time. */
    public static Instant workdayEnd(int inDays) {
        return LocalDate.now(CHINA).plusDays(inDays).atTime(LocalTime.of(18, 0)).atZone(CHINA).toInstant();
    }
}
