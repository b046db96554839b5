package org.salescrm.goal.organisation;

import java.time.LocalDate;
import java.util.List;

/** GET /organisation: the regions and teams in force on {@code asOf}. */
public record OrganisationView(LocalDate asOf, List<RegionView> regions, List<TeamView> teams) {
}
