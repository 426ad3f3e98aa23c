import Diskret
import Hummingbird
import Logging

/// Builds the service's router: the middleware that wraps every route (outermost first) and every route, in
/// one place. The routes and their answers are described in `openapi.yaml`.
public func buildRouter(engine: Engine, settings: ServiceSettings, logger: Logger) -> Router<ServiceContext> {
    let router = Router(context: ServiceContext.self)
    router.add(middleware: RequestLogMiddleware(logger: logger))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware(logger: logger))
    router.add(middleware: TokenMiddleware(tokens: settings.tokens, requiredForAPI: settings.tokensRequiredForAPI))
    router.add(middleware: BodyLimitMiddleware(maxBytes: settings.maxBytes, readTimeout: settings.readTimeout))

    let work = BlockingWork(timeout: settings.handlerTimeout)
    let registry = RegistryHandle(settings.openRegistry)
    let filter = FilterRoutes(pools: EnginePools(engine: engine), registry: registry, work: work,
                              sitePolicy: settings.defaultPolicy, maxBytes: settings.maxBytes)
    let consents = ConsentRoutes(registry: registry, work: work)

    router.get("/healthz") { _, _ in try JSONResponse.make(["status": "ok"]) }
    router.get("/") { _, _ in ReviewPage.response(ReviewPage.html, type: "text/html; charset=utf-8") }
    router.get("/review.css") { _, _ in ReviewPage.response(ReviewPage.css, type: "text/css; charset=utf-8") }
    router.get("/review.js") { _, _ in ReviewPage.response(ReviewPage.script, type: "text/javascript; charset=utf-8") }
    router.get("/favicon.svg") { _, _ in ReviewPage.response(ReviewPage.icon, type: "image/svg+xml") }
    router.post("/v1/filter", use: filter.filter)
    router.post("/v1/check", use: filter.check)
    router.post("/v1/extract", use: filter.extract)
    router.get("/v1/consents", use: consents.list)
    router.post("/v1/consents", use: consents.grant)
    router.get("/v1/consents/export", use: consents.export)
    router.post("/v1/consents/{id}/withdraw", use: consents.withdraw)
    router.get("/v1/audit", use: consents.audit)
    router.get("/v1/audit/verify", use: consents.verify)
    return router
}
