package io.switchboard.contact;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<ContactEntity, Long> {}
