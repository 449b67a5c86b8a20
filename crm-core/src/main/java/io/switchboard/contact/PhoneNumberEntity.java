package io.switchboard.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "phone_numbers")
class PhoneNumberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "phone_numbers_seq")
    @SequenceGenerator(name = "phone_numbers_seq", sequenceName = "phone_numbers_seq", allocationSize = 1000)
    private Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "phone_type", nullable = false, length = 10)
    private PhoneType type;

    @Column(name = "raw_text", nullable = false, length = NormalizedNumber.MAX_RAW_LENGTH)
    private String raw;

    // E.164 allows 15 digits, but libphonenumber accepts some longer national numbers as valid (and reads
    // letters as digits: "030 1234 FLOWERS"), so leave room.
    @Column(length = 24)
    private String e164;

    @Column(length = 2)
    private String country;

    @Column(name = "national_number", length = 20)
    private String nationalNumber;

    @Column(name = "reversed_digits", length = 64)
    private String reversedDigits;

    @Column(nullable = false)
    private boolean unparseable;

    protected PhoneNumberEntity() {}

    PhoneNumberEntity(PhoneType type, NormalizedNumber number) {
        this.type = type;
        this.raw = number.raw();
        this.e164 = number.e164();
        this.country = number.country();
        this.nationalNumber = number.nationalNumber();
        this.reversedDigits = number.reversedDigits();
        this.unparseable = number.unparseable();
    }

    /** The same number as a new row, for another contact (a merge). */
    PhoneNumberEntity copy() {
        PhoneNumberEntity copy = new PhoneNumberEntity();
        copy.type = type;
        copy.raw = raw;
        copy.e164 = e164;
        copy.country = country;
        copy.nationalNumber = nationalNumber;
        copy.reversedDigits = reversedDigits;
        copy.unparseable = unparseable;
        return copy;
    }

    /** What makes two rows the same number: the E.164 form, or the text as typed when it does not parse. */
    String sameNumberKey() {
        return e164 != null ? e164 : raw.replaceAll("\\s", "");
    }

    Phone toPhone() {
        return new Phone(type, raw, e164, country, unparseable);
    }
}
