package io.switchboard.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<UserEntity, Long> {

    Optional<UserEntity> findByUsername(String username);

    Optional<UserEntity> findByExtension(String extension);

    List<UserEntity> findByExtensionIsNotNull();

    boolean existsByUsername(String username);

    List<UserEntity> findByRoleAndTeamIdIn(Role role, Collection<Long> teamIds);
}
