package org.salescrm.customer.imports;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salescrm.customer.customer.CustomerNames;
import org.salescrm.customer.customer.CustomerRequest;
import org.salescrm.customer.customer.CustomerService;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.problem.Problems;
import org.salescrm.platform.security.Caller;

/**
 * Creates customers from a CSV file, row by row, each in its own transaction through the same
 * create as {@code POST /customers}: a bad or duplicate row is reported and never undoes the good
 * ones. Rows repeating an earlier row of the same file are duplicates of what that row became.
 * A row's {@code ownerId} (and {@code ownerTeam}) names the rep it is created for, who owns it and
 * gets the credit as a new customer; without one the importer owns it, as with {@code POST /customers}.
 */
@ApplicationScoped
public class CustomerImportService {

    /** The columns a header may name: the fields of {@code POST /customers}. */
    static final List<String> COLUMNS = List.of(
            "name", "industry", "region", "scale", "source", "phone", "creditCode", "address", "grade",
            "ownerId", "ownerTeam");

    private final CustomerService customers;
    private final Validator validator;
    private final int maxRows;

    public CustomerImportService(CustomerService customers, Validator validator,
                                 @ConfigProperty(name = "crm.customers.import.max-rows", defaultValue = "1000")
                                 int maxRows) {
        this.customers = customers;
        this.validator = validator;
        this.maxRows = maxRows;
    }

    public Uni<ImportReport> importCsv(String csv, Caller caller) {
        List<CsvParser.CsvRecord> records = CsvParser.parse(csv);
        List<String> header = header(records);
        List<CsvParser.CsvRecord> rows = records.subList(1, records.size());
        if (rows.size() > maxRows) {
            throw new ProblemException(413, "import-too-large",
                    List.of(new FieldViolation("rows", "max", "at most " + maxRows + " rows")),
                    "import-too-large", maxRows, rows.size());
        }
        SeenInFile seen = new SeenInFile();
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> importRow(row.line(), header, row.cells(), seen, caller))
                .collect().asList()
                .map(ImportReport::of);
    }

    /** The header names known columns, each once, and at least {@code name}. */
    private static List<String> header(List<CsvParser.CsvRecord> records) {
        if (records.isEmpty()) {
            throw columns(List.of(new FieldViolation("header", "required", "the file has no header row")), "empty");
        }
        List<String> header = records.get(0).cells().stream().map(String::strip).toList();
        List<FieldViolation> problems = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(new FieldViolation(column, "unknown", "not a customer field; use " + COLUMNS));
            } else if (!named.add(column)) {
                problems.add(new FieldViolation(column, "unique", "named twice"));
            }
        }
        if (!named.contains("name")) {
            problems.add(new FieldViolation("name", "required", "the header must name the column 'name'"));
        }
        if (!problems.isEmpty()) {
            throw columns(problems, String.join(", ", problems.stream().map(FieldViolation::field).toList()));
        }
        return header;
    }

    private static ProblemException columns(List<FieldViolation> problems, String detail) {
        return new ProblemException(400, "import-columns", problems, "import-columns", detail);
    }

    private Uni<ImportRow> importRow(int number, List<String> header, List<String> cells, SeenInFile seen,
                                     Caller caller) {
        if (cells.size() > header.size()) {
            return Uni.createFrom().item(ImportRow.invalid(number, List.of(new FieldViolation("row", "columns",
                    "has " + cells.size() + " values for " + header.size() + " columns"))));
        }
        Map<String, String> values = values(header, cells);
        CustomerRequest request = request(values);
        List<FieldViolation> errors = violations(request);
        RowOwner owner = RowOwner.of(values.get("ownerId"), values.get("ownerTeam"), caller);
        errors.addAll(owner.violations());
        errors.sort(Comparator.comparing(FieldViolation::field));
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(ImportRow.invalid(number, errors));
        }
        UUID earlier = seen.match(request);
        if (earlier != null) {
            return Uni.createFrom().item(ImportRow.duplicate(number, earlier));
        }
        return customers.createFor(request, owner.ownerId(), owner.ownerTeam(), caller, null)
                .map(created -> ImportRow.created(number, created.resource().id))
                .onFailure(ProblemException.class).recoverWithUni(failure -> duplicateOrFail(number, failure))
                .invoke(row -> seen.remember(request, row.customerId() != null ? row.customerId()
                        : row.existingCustomerId()));
    }

    private static Uni<ImportRow> duplicateOrFail(int number, Throwable failure) {
        ProblemException problem = (ProblemException) failure;
        Object existing = problem.extensions().get("existingCustomerId");
        if ("duplicate-customer".equals(problem.slug()) && existing instanceof UUID id) {
            return Uni.createFrom().item(ImportRow.duplicate(number, id));
        }
        return Uni.createFrom().failure(failure);
    }

    /** Empty cells are absent values, as a spreadsheet leaves them. */
    private static Map<String, String> values(List<String> header, List<String> cells) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i).strip();
            values.put(header.get(i), value.isEmpty() ? null : value);
        }
        return values;
    }

    private static CustomerRequest request(Map<String, String> values) {
        return new CustomerRequest(values.get("name"), values.get("industry"), values.get("region"),
                values.get("scale"), values.get("source"), values.get("phone"), values.get("creditCode"),
                values.get("address"), values.get("grade"));
    }

    private List<FieldViolation> violations(CustomerRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<CustomerRequest> v : validator.validate(request)) {
            errors.add(new FieldViolation(v.getPropertyPath().toString(),
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldViolation::field));
        return errors;
    }

    /** What earlier rows of the file stand for, by the keys duplicates are found by. */
    private static final class SeenInFile {
        private final Map<String, UUID> byKey = new HashMap<>();

        UUID match(CustomerRequest request) {
            return keys(request).stream().map(byKey::get).filter(id -> id != null).findFirst().orElse(null);
        }

        void remember(CustomerRequest request, UUID customerId) {
            if (customerId != null) {
                keys(request).forEach(key -> byKey.putIfAbsent(key, customerId));
            }
        }

        private static List<String> keys(CustomerRequest request) {
            List<String> keys = new ArrayList<>();
            keys.add("name:" + CustomerNames.normalize(request.name()));
            if (request.phone() != null) {
                keys.add("phone:" + CustomerNames.normalizePhone(request.phone()));
            }
            if (request.creditCode() != null) {
                keys.add("credit:" + CustomerNames.normalizeCreditCode(request.creditCode()));
            }
            return keys;
        }
    }
}
