package dev.seatwise.bench;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.BundleOffer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.optimize.UserDemand;
import dev.seatwise.domain.tokens.TokenPack;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The same cheapest-hybrid model as {@code HybridOptimizer}, as a mixed-integer programme for
 * OR-Tools (SCIP through MPSolver). Per user: a binary per bundle that covers one of the user's
 * products (at most one bundle), and per used product a binary for a named subscription and one for
 * Flex, with "every used product is covered"; integer pack counts whose tokens cover the Flex
 * tokens. The objective is in the same exact scaled integers as the optimiser (cents for USD).
 */
final class OrToolsHybrid {
  record Result(String status, double objective, double bound, double seconds, boolean timeLimitHit,
      int variables, int constraints) {}

  private OrToolsHybrid() {}

  static Result solve(HybridProblem p, int scale, double timeLimitSeconds, String solverId) {
    Loader.loadNativeLibraries();
    long t0 = System.nanoTime();
    MPSolver solver = MPSolver.createSolver(solverId);
    if (solver == null) {
      throw new IllegalStateException("OR-Tools has no solver " + solverId);
    }
    MPObjective objective = solver.objective();
    MPConstraint packCover = solver.makeConstraint(0, Double.POSITIVE_INFINITY, "");
    long maxTokens = 0;
    for (UserDemand u : p.users()) {
      if (u.tokens().isEmpty()) {
        continue;
      }
      List<MPVariable> bundles = new ArrayList<>();
      List<BundleOffer> offers = new ArrayList<>();
      if (u.pin() != Pin.FLEX) {
        for (BundleOffer b : p.bundles()) {
          boolean useful = false;
          for (ProductId prod : u.tokens().keySet()) {
            useful |= b.includes().contains(prod);
          }
          if (useful) {
            MPVariable y = solver.makeBoolVar("");
            objective.setCoefficient(y, scaled(b.cost(), scale));
            bundles.add(y);
            offers.add(b);
          }
        }
      }
      if (bundles.size() > 1) {
        MPConstraint one = solver.makeConstraint(0, 1, "");
        for (MPVariable y : bundles) {
          one.setCoefficient(y, 1);
        }
      }
      long userMax = 0;
      for (Map.Entry<ProductId, Long> e : u.tokens().entrySet()) {
        ProductId prod = e.getKey();
        boolean canNamed = p.namedCost().containsKey(prod);
        boolean canFlex = p.flexAllowed().contains(prod);
        if (u.pin() == Pin.NAMED) {
          canFlex = false;
        }
        if (u.pin() == Pin.FLEX && canFlex) {
          canNamed = false;
        }
        MPConstraint cover = solver.makeConstraint(1, Double.POSITIVE_INFINITY, "");
        for (int k = 0; k < bundles.size(); k++) {
          if (offers.get(k).includes().contains(prod)) {
            cover.setCoefficient(bundles.get(k), 1);
          }
        }
        if (canNamed) {
          MPVariable n = solver.makeBoolVar("");
          objective.setCoefficient(n, scaled(p.namedCost().get(prod), scale));
          cover.setCoefficient(n, 1);
        }
        if (canFlex) {
          MPVariable f = solver.makeBoolVar("");
          cover.setCoefficient(f, 1);
          packCover.setCoefficient(f, -e.getValue());
          userMax += e.getValue();
        }
      }
      maxTokens += userMax;
    }
    for (TokenPack pack : p.packs().packs()) {
      MPVariable k = solver.makeIntVar(0, Math.ceil((double) maxTokens / pack.size()) + 1, "");
      objective.setCoefficient(k, pack.exactPrice().setScale(scale, RoundingMode.UNNECESSARY)
          .unscaledValue().doubleValue());
      packCover.setCoefficient(k, pack.size());
    }
    objective.setMinimization();
    solver.setTimeLimit((long) (timeLimitSeconds * 1000));
    MPSolverParameters params = new MPSolverParameters();
    params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
    MPSolver.ResultStatus status = solver.solve(params);
    double seconds = (System.nanoTime() - t0) / 1e9;
    boolean hit = status != MPSolver.ResultStatus.OPTIMAL && seconds >= timeLimitSeconds * 0.95;
    double obj = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE
        ? objective.value() : Double.NaN;
    double bound = objective.bestBound();
    Result r = new Result(status.name(), obj, bound, seconds, hit, solver.numVariables(),
        solver.numConstraints());
    solver.delete();
    return r;
  }

  private static double scaled(Money m, int scale) {
    return m.amount().setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().doubleValue();
  }
}
