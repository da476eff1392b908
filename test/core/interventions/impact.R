p <- function(...) cat(sprintf("%.15g", c(...)), "\n")
anc <- function(pre, post, int, conf = 0.95, S = NULL) {
  ok <- !is.na(pre) & !is.na(post); pre <- pre[ok]; post <- post[ok]; T <- as.numeric(int[ok])
  N <- length(pre); if (is.null(S)) S <- sd(post); J <- 1 - 3/(4*N - 9)
  fit <- lm(post ~ pre + T); ci <- confint(fit, "T", level = conf)
  p(coef(fit)["T"], S, J*coef(fit)["T"]/S, J*ci/S) }
gain <- function(pre, post, int, conf = 0.95, S = NULL) {
  ok <- !is.na(pre) & !is.na(post); pre <- pre[ok]; post <- post[ok]; int <- int[ok]; g <- post - pre
  n1 <- sum(int); n2 <- sum(!int); N <- n1 + n2
  sp2 <- ((n1-1)*var(pre[int]) + (n2-1)*var(pre[!int]))/(N-2); if (is.null(S)) S <- sqrt(sp2)
  sg2 <- ((n1-1)*var(g[int]) + (n2-1)*var(g[!int]))/(N-2); J <- 1 - 3/(4*(N-2)-1)
  d <- J*(mean(g[int]) - mean(g[!int]))/S; se <- sqrt(J^2*(sg2/S^2)*(1/n1+1/n2) + d^2/(2*(N-2))); t <- qt(1-(1-conf)/2, N-2)
  p(S, d, d - t*se, d + t*se) }
single <- function(pre, post, conf = 0.95, S = NULL) {
  ok <- !is.na(pre) & !is.na(post); g <- post[ok] - pre[ok]; n <- length(g); if (is.null(S)) S <- sd(post[ok])
  J <- 1 - 3/(4*(n-1)-1); h <- qt(1-(1-conf)/2, n-1)*sd(g)/sqrt(n)
  p(S, J*mean(g)/S, J*(mean(g)-h)/S, J*(mean(g)+h)/S) }
pre  <- c(88,92,85,95,90,79,97,NA,101,94,99,104,91,96,100,93)
post <- c(96,99,90,101,97,88,100,95,104,97,101,108,93,NA,103,94); int <- rep(c(TRUE,FALSE), each = 8)
cat("ancova\n"); anc(pre, post, int); anc(pre, post, int, 0.9); anc(pre, post, int, S = 15)
cat("gain\n"); gain(pre, post, int); gain(pre, post, int, 0.9); gain(pre, post, int, S = 15)
cat("single\n"); single(pre[1:8], post[1:8]); single(pre[1:8], post[1:8], S = 15)
cat("one pupil\n"); pre1 <- c(100,96,104,99,101,95); post1 <- c(108,99,105,101,103,97); i1 <- c(TRUE, rep(FALSE,5))
anc(pre1, post1, i1); gain(pre1, post1, i1)
cat("constant pre\n"); pc <- c(100,100,100,100,100,100); qc <- c(104,101,106,99,100,98); ic <- c(TRUE,TRUE,TRUE,FALSE,FALSE,FALSE)
fit <- lm(qc ~ pc + ic); print(coef(fit)); N<-6; J <- 1-3/(4*N-9); p(J*coef(fit)["icTRUE"]/sd(qc), J*confint(fit,"icTRUE")/sd(qc))
ss <- function(x) sum((x-mean(x))^2)
gain2 <- function(pre, post, int, conf = 0.95) { g <- post-pre; n1 <- sum(int); n2 <- sum(!int); N <- n1+n2
  S <- sqrt((ss(pre[int])+ss(pre[!int]))/(N-2)); sg2 <- (ss(g[int])+ss(g[!int]))/(N-2); J <- 1-3/(4*(N-2)-1)
  d <- J*(mean(g[int])-mean(g[!int]))/S; se <- sqrt(J^2*(sg2/S^2)*(1/n1+1/n2)+d^2/(2*(N-2))); t <- qt(1-(1-conf)/2,N-2); p(S,d,d-t*se,d+t*se) }
cat("one pupil gain\n"); gain2(pre1, post1, i1)
cat("constant post with S=15\n"); fit <- lm(c(100,100,100,100,100) ~ c(90,95,92,99,97) + c(1,1,0,0,0)); print(coef(fit)); print(summary(fit)$coefficients)
