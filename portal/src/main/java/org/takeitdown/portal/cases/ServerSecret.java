package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The generated server secret (one row), used when none is configured. */
@Entity
@Table(name = "server_secret")
public class ServerSecret extends PanacheEntityBase {
    @Id
    public Integer id;
    public String secret;
}
