package io.switchboard.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<UserEntity, Long> {

    Optional<UserEntity> findByUsername(String username);

    Optional<UserEntity> findByPbxAndExtension(String pbx, String extension);

    List<UserEntity> findByExtensionIsNotNull();

    boolean existsByUsername(String username);

    /** The supervisors of these teams: their own users with the role SUPERVISOR and the supervisors assigned. */
    @Query(
            value = "select * from users u where u.role = 'SUPERVISOR' and (u.team_id in (:teams)"
                    + " or u.id in (select ts.user_id from team_supervisors ts where ts.team_id in (:teams)))",
            nativeQuery = true)
    List<UserEntity> findSupervisorsOf(@Param("teams") Collection<Long> teams);

    List<UserEntity> findByTeamId(Long teamId);

    long countByTeamId(Long teamId);

    @Query("select u from UserEntity u where lower(u.username) like :like or lower(u.displayName) like :like"
            + " or lower(coalesce(u.email, '')) like :like or coalesce(u.extension, '') like :like")
    Page<UserEntity> search(@Param("like") String like, Pageable pageable);
}
