#include "submit/factory_submit.hpp"

#include <algorithm>
#include <climits>

#include "config/macro_functions.hpp"
#include "submit/factory_digest.hpp"
#include "submit/job_ad_builder.hpp"
#include "submit/spool_hold.hpp"

namespace htcondor::submit {

Result<bool> wantsFactory(const SubmitDescription& description) {
  auto procs = description.procs();
  if (!procs) return failure(procs.error());
  return wantsLateMaterialization(*procs);
}

Result<FactorySubmit> makeFactorySubmit(const SubmitDescription& description, SubmitFacts facts, long long cluster, int count,
                                        const ExternalItems* external, bool spool) {
  ProcOptions po;
  po.cluster = cluster;
  po.count = count;
  po.external = external != nullptr;
  auto args = description.jobsQueueArgs(po);
  if (!args) return failure(args.error());
  auto procs = description.procs(po);
  if (!procs) return failure(procs.error());

  FactorySubmit out;
  out.count = args->count > 0 ? args->count : 1;
  if (external) {
    out.vars = external->vars;
    for (const auto& row : external->rows) out.rows += row + "\n";
    if (!external->rows.empty()) {
      // The first item's values, named, for proc 0's ad.
      std::vector<std::pair<std::string, std::string>> values;
      std::string_view row = external->rows.front();
      for (size_t i = 0; i < external->vars.size(); ++i) {
        const size_t sep = row.find('\x1f');
        values.emplace_back(external->vars[i], std::string(row.substr(0, sep)));
        row = sep == std::string_view::npos ? std::string_view() : row.substr(sep + 1);
      }
      if (auto fed = procs->feed(values); !fed) return failure(fed.error());
    }
    out.jobs = static_cast<long long>(std::max<size_t>(external->rows.size(), 1)) * out.count;
  } else {
    // Python's submit ignores slices: every item.
    const bool items = args->mode != ForeachMode::Not;
    if (items) out.vars = args->vars;
    for (const auto& item : args->items) out.rows += item + "\n";
    out.jobs = static_cast<long long>(items ? args->items.size() : 1) * out.count;
  }
  if (!procs->next()) return submitError("the submit description queues no jobs");

  // The limit: max_materialize, else as many as there are (max_idle alone bounds idle jobs).
  long long limit = LLONG_MAX;
  for (const char* key : {"max_materialize", "materialize_max"}) {
    auto v = procs->param(key);
    if (!v) return failure(v.error());
    if (!v->has_value()) continue;
    auto n = config::longParam(**v);
    if (!n) return submitError("invalid value for " + std::string(key) + ": " + **v);
    limit = *n;
    break;
  }
  out.maxMaterialize = std::max(1LL, std::min(limit, out.jobs));

  auto job = makeJobAd(*procs, facts, static_cast<int>(cluster), 0);
  if (!job) return failure(job.error());
  if (spool) holdForSpooling(*job->ad);
  out.clusterAd = clusterAdOf(*job->ad);

  auto digest = factoryDigest(procs->macros(), cluster, out.vars, facts.cwd);
  if (!digest) return failure(digest.error());
  out.digest = std::move(*digest);
  return out;
}

}  // namespace htcondor::submit
