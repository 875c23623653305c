package io.mingjing.platform.consultation;

import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret ballot (docs/consultations.md). Casting records the voter in {@code consultation_voter}
 * (its key refuses a second vote) and drops a sealed ballot into {@code consultation_ballot_box}: a
 * random id, no time, no voter, the choice encrypted with a fresh IV under a key derived from the
 * platform's secret, which the database never holds. Both rows share their transaction, and so their
 * {@code xmin}; the seal is what keeps a query joining on it from reading a choice. At the close the
 * box is opened in one transaction of its own: every ballot is decrypted, counted, shuffled and
 * written as a plain ballot under new random ids, and the sealed rows are deleted — so neither the
 * transaction ids, nor the ids, nor the order of the rows lead from a ballot back to a voter.
 */
@ApplicationScoped
public class BallotBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV = 12;

    @Inject
    EntityManager em;
    @Inject
    CurrentTenant county;

    private final SecretKeySpec key;

    BallotBox(@ConfigProperty(name = "mingjing.secret") String secret) {
        this.key = new SecretKeySpec(derive(secret), "AES");
    }

    /** In the caller's transaction, which holds the consultation's row shared: a count waits for it. */
    void cast(long consultation, long resident, int choice) {
        int voters = em.createNativeQuery("INSERT INTO consultation_voter (consultation_id, resident_id) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, consultation).setParameter(2, resident).executeUpdate();
        if (voters == 0) {
            throw ProblemException.conflict("You have voted on consultation " + consultation + " already; each "
                    + "resident votes once.");
        }
        em.createNativeQuery("INSERT INTO consultation_ballot_box (id, consultation_id, sealed) VALUES (?1, ?2, ?3)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, consultation)
                .setParameter(3, seal(consultation, choice)).executeUpdate();
    }

    /**
     * Opens the box of a consultation whose row the caller holds locked: @return ballots per option.
     * A box that does not hold one ballot per voter, or a ballot sealed for another consultation, stops
     * the count: such a vote is not counted at all.
     */
    long[] open(long consultation, int options) {
        @SuppressWarnings("unchecked")
        List<byte[]> sealed = em.createNativeQuery("SELECT sealed FROM consultation_ballot_box WHERE consultation_id = ?1")
                .setParameter(1, consultation).getResultList();
        long voters = ((Number) em.createNativeQuery("SELECT count(*) FROM consultation_voter WHERE consultation_id = ?1")
                .setParameter(1, consultation).getSingleResult()).longValue();
        if (voters != sealed.size()) {
            throw new IllegalStateException("consultation " + consultation + " has " + voters + " voters but "
                    + sealed.size() + " ballots");
        }
        long[] counts = new long[options];
        List<Integer> choices = new ArrayList<>(sealed.size());
        for (byte[] s : sealed) {
            int choice = unseal(consultation, s);
            if (choice < 0 || choice >= options) {
                throw new IllegalStateException("a ballot of consultation " + consultation + " names no option");
            }
            counts[choice]++;
            choices.add(choice);
        }
        Collections.shuffle(choices, RANDOM);
        keepOpened(consultation, choices);
        em.createNativeQuery("DELETE FROM consultation_ballot_box WHERE consultation_id = ?1")
                .setParameter(1, consultation).executeUpdate();
        return counts;
    }

    private void keepOpened(long consultation, List<Integer> shuffled) {
        for (int from = 0; from < shuffled.size(); from += 5000) {
            StringJoiner list = new StringJoiner(",");
            shuffled.subList(from, Math.min(shuffled.size(), from + 5000)).forEach(c -> list.add(c.toString()));
            // WITH ORDINALITY keeps the shuffled order as the insert order; the ids are drawn afresh
            em.createNativeQuery("INSERT INTO consultation_ballot (id, consultation_id, choice) SELECT gen_random_uuid(), "
                    + "?1, c::smallint FROM unnest(string_to_array(?2, ',')) WITH ORDINALITY AS b(c, n) ORDER BY n")
                    .setParameter(1, consultation).setParameter(2, list.toString()).executeUpdate();
        }
    }

    /** The opened ballots of a closed consultation, counted again from the table: a recount. */
    long[] recount(long consultation, int options) {
        long[] counts = new long[options];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT choice, count(*) FROM consultation_ballot WHERE "
                + "consultation_id = ?1 GROUP BY choice", Object[].class).setParameter(1, consultation).getResultList();
        for (Object[] r : rows) {
            counts[((Number) r[0]).intValue()] = ((Number) r[1]).longValue();
        }
        return counts;
    }

    byte[] seal(long consultation, int choice) {
        try {
            byte[] iv = new byte[IV];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(consultation));
            byte[] body = cipher.doFinal(ByteBuffer.allocate(4).putInt(choice).array());
            return ByteBuffer.allocate(IV + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int unseal(long consultation, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV));
            cipher.updateAAD(aad(consultation));
            return ByteBuffer.wrap(cipher.doFinal(sealed, IV, sealed.length - IV)).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a ballot of consultation " + consultation + " was not sealed for it", e);
        }
    }

    /** Bound to its county and consultation: a sealed ballot copied to another vote does not open. */
    private byte[] aad(long consultation) {
        return (county.require() + ":consultation:" + consultation).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("consultation-ballot:" + secret)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
