package io.mingjing.platform.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 村民/居民: registered (户籍) in one village, possibly living (常驻) in another. */
@Entity
@Table(name = "resident")
public class Resident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_id")
    public Long householdId;

    public String name;

    @Column(name = "id_card_enc")
    public String idCardEncrypted;

    @Column(name = "id_card_hash")
    public String idCardHash;

    @Column(name = "id_card_masked")
    public String idCardMasked;

    public String phone;

    @Column(name = "registered_village")
    public String registeredVillage;

    @Column(name = "residence_village")
    public String residenceVillage;

    @Column(name = "user_id")
    public String userId;

    /** Keyed hash of the one-time activation code, until the account is activated. */
    @Column(name = "activation_hash")
    public String activationHash;

    @Column(name = "activation_expires_at")
    public Instant activationExpiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /** From the ID number ({@link IdCards#birthDate}); null when the number holds no real date. */
    @Column(name = "birth_date")
    public LocalDate birthDate;

    public static Resident byUserId(String userId) {
        return userId == null ? null : find("userId", userId).firstResult();
    }
}
