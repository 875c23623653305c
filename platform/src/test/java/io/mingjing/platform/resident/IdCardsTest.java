package io.mingjing.platform.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mingjing.platform.testing.People;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The birth date an ID number carries (digits 7-14), and the numbers that carry none. */
class IdCardsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theBirthDateIsReadFromDigitsSevenToFourteen() {
        assertEquals(LocalDate.of(1960, 1, 1), IdCards.birthDate(People.idNumber("33078219600101001"), TODAY));
        assertEquals(LocalDate.of(2000, 2, 29), IdCards.birthDate(People.idNumber("33078220000229123"), TODAY));
        assertEquals(TODAY, IdCards.birthDate(People.idNumber("33078220261201123"), TODAY), "born today: age 0");
    }

    @Test
    void aNumberWithoutARealDateHasNone() {
        assertNull(IdCards.birthDate(People.idNumber("33078219991301001"), TODAY), "month 13");
        assertNull(IdCards.birthDate(People.idNumber("33078219990229001"), TODAY), "29 February of a common year");
        assertNull(IdCards.birthDate(People.idNumber("33078219990100001"), TODAY), "day 0");
        assertNull(IdCards.birthDate(People.idNumber("33078220261202001"), TODAY), "tomorrow");
        assertNull(IdCards.birthDate(People.idNumber("33078218991231001"), TODAY), "before 1900");
        assertNull(IdCards.birthDate("33078219600101001", TODAY), "17 digits");
        assertNull(IdCards.birthDate("3307821960010100１X", TODAY), "a full-width digit");
        assertNull(IdCards.birthDate(null, TODAY));
    }
}
