package dev.seatwise.adapter.cli.generate;

import java.util.List;
import java.util.Optional;

/**
 * A product of the synthetic organisation, named as the bundled {@code autodesk} catalog names it:
 * its catalog id, the name Autodesk exports use (one of the catalog's aliases) and its FlexLM
 * feature (matching the catalog's {@code flexlmFeatures}; empty for cloud-only products).
 */
record ProductModel(String id, String exportName, Optional<String> feature) {
  static final ProductModel ACD = of("ACD", "AutoCAD", "87224ACD_2024_0F");
  static final ProductModel ACDLT = of("ACDLT", "AutoCAD LT", "87223ACDLT_2024_0F");
  static final ProductModel RVT = of("RVT", "Revit", "87243RVT_2024_0F");
  static final ProductModel C3D = of("C3D", "Civil 3D", "87222CIV3D_2024_0F");
  static final ProductModel INV = of("INV", "Inventor Professional", "87241INVPROSA_2024_0F");
  static final ProductModel MAX = of("3DSMAX", "3ds Max", "872333DSMAX_2024_0F");
  static final ProductModel MAYA = of("MAYA", "Maya", "87232MAYA_2024_0F");
  static final ProductModel NAVMAN = of("NAVMAN", "Navisworks Manage", "87230NAVMAN_2024_0F");
  static final ProductModel FUSION = new ProductModel("FUSION", "Fusion", Optional.empty());

  /** Arnold renders ride along with Maya on the licence server; the catalog has no such product. */
  static final String UNMAPPED_FEATURE = "87101ARNOL_2024_0F";

  static final List<ProductModel> ALL =
      List.of(ACD, ACDLT, RVT, C3D, INV, MAX, MAYA, NAVMAN, FUSION);

  private static ProductModel of(String id, String name, String feature) {
    return new ProductModel(id, name, Optional.of(feature));
  }
}
