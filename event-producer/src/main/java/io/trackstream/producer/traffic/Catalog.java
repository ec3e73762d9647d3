package io.trackstream.producer.traffic;

import net.datafaker.Faker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The simulated shop's products and categories, made once from the seed with Datafaker so the same
 * seed sells the same things at the same prices.
 */
final class Catalog {

    static final String CURRENCY = "USD";

    private final List<Product> products;
    private final Map<String, List<Product>> byCategory = new LinkedHashMap<>();
    private final List<String> searchTerms = new ArrayList<>();

    Catalog(long seed, int size) {
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed ^ 0x5DEECE66DL));
        Random random = new Random(seed + 17);
        List<Product> made = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            // Departments can be compound ("Books & Toys"); the first word is the category.
            String category = faker.commerce().department().split("[ ,&]+")[0];
            String name = faker.commerce().productName();
            // A long-tailed price: most items cheap, a few expensive, like a real basket.
            double raw = Math.exp(1.5 + random.nextDouble() * 5.5);
            BigDecimal price = BigDecimal.valueOf(raw).setScale(2, RoundingMode.HALF_UP);
            Product product = new Product(String.format("p-%05d", i), name, category,
                    category.toLowerCase(Locale.ROOT), price);
            made.add(product);
            byCategory.computeIfAbsent(product.categorySlug(), k -> new ArrayList<>()).add(product);
            searchTerms.add(name.toLowerCase(Locale.ROOT).split(" ")[name.split(" ").length - 1]);
        }
        this.products = List.copyOf(made);
    }

    Product randomProduct(Random random) {
        return products.get(random.nextInt(products.size()));
    }

    /** A product of the given category slug, or any product when it has none. */
    Product randomProductIn(String categorySlug, Random random) {
        List<Product> list = byCategory.get(categorySlug);
        return list == null ? randomProduct(random) : list.get(random.nextInt(list.size()));
    }

    String searchTerm(Random random) {
        return searchTerms.get(random.nextInt(searchTerms.size()));
    }
}
