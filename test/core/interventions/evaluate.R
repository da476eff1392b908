suppressMessages(library(sandwich))
p <- function(...) cat(sprintf("%.15g", c(...)), "\n")
pre  <- c(88,92,95,97,100,85,90,99, 90,93,96,98,101,87,91,100,110,80)
post <- c(96,99,101,102,106,94,97,104, 93,95,99,100,104,89,93,103,112,82)
pp <- seq_along(pre) %in% c(1,2,6,7,14,18); int <- seq_along(pre) <= 8
S <- sd(post)
anc <- function(i, c, w = NULL, S = sd(post), cl = NULL, x = pre, y = post) {
  k <- c(i, c); T <- rep(c(1, 0), c(length(i), length(c))); N <- length(k); J <- 1 - 3/(4*N - 9)
  if (is.null(w)) w <- rep(1, N)
  fit <- lm(y[k] ~ x[k] + T, weights = w)
  # weighted: the larger of the HC1 sandwich and the re-use SE s0^2 (X'WX)^-1 X'W^2X (X'WX)^-1, s0^2 = sum(e^2)/(N-3)
  X <- model.matrix(fit); B <- solve(t(X) %*% (w * X)); s0 <- sum(residuals(fit)^2)/(N - 3)
  reuse <- sqrt((s0 * B %*% t(X) %*% (w^2 * X) %*% B)[3, 3])
  se <- if (all(w == 1)) sqrt(vcov(fit)["T","T"]) else max(sqrt(vcovHC(fit, type = "HC1")["T","T"]), reuse)
  q <- qt(0.975, N - 3); cf <- coef(fit)["T"]
  p(cf, J*cf/S, J*(cf - q*se)/S, J*(cf + q*se)/S)
  if (!is.null(cl)) { sc <- sqrt(vcovCL(fit, cluster = cl[k])["T","T"]); G <- length(unique(cl[k])); qg <- qt(0.975, G - 1)
    p(J*(cf - qg*sc)/S, J*(cf + qg*sc)/S) }
}
cat("rest\n"); anc(1:8, 9:18)
cat("dis\n"); anc(c(1,2,6,7), 9:18)
cat("baseline g rest\n"); a <- pre[1:8]; b <- pre[9:18]; sp <- sqrt(((8-1)*var(a)+(10-1)*var(b))/16); p((1-3/(4*18-9))*(mean(a)-mean(b))/sp)
cat("big\n"); P4 <- rep(pre, 4); Q4 <- rep(post, 4); I4 <- rep(int, 4); anc(which(I4), which(!I4), S = sd(Q4), x = P4, y = Q4)
match <- function(seek, pool, tol) { w <- numeric(length(pre)); used <- c()
  for (s in seek) { d <- abs(pre[pool] - pre[s]); m <- min(d); if (m > tol + 1e-9) next
    near <- pool[d == m]; w[near] <- w[near] + 1/length(near); used <- c(used, s) }
  list(seek = used, w = w) }
cat("matched\n"); m <- match(1:8, 9:18, 1); comp <- which(m$w > 0); print(m$seek); print(m$w[comp])
anc(m$seek, comp, c(rep(1, length(m$seek)), m$w[comp]))
wm <- sum(m$w[comp]*pre[comp])/sum(m$w[comp]); sdb <- sqrt((var(pre[1:8]) + var(pre[9:18]))/2)
cat("balance after, before, ess\n"); p((mean(pre[m$seek]) - wm)/sdb, (mean(pre[1:8]) - mean(pre[9:18]))/sdb, sum(m$w)^2/sum(m$w^2))
cat("matched dis\n"); md <- match(c(1,2,6,7), 9:18, 1); cd <- which(md$w > 0); print(md$seek); anc(md$seek, cd, c(rep(1, length(md$seek)), md$w[cd]))
cat("single\n"); g <- post[1:8] - pre[1:8]; n <- 8; J <- 1-3/(4*(n-1)-1); S8 <- sd(post[1:8]); h <- qt(.975, 7)*sd(g)/sqrt(n); p(J*mean(g)/S8, J*(mean(g)-h)/S8, J*(mean(g)+h)/S8)
cat("gap welch\n"); gg <- post - pre; tt <- t.test(gg[pp], gg[!pp]); p(mean(gg[pp]) - mean(gg[!pp]), tt$conf.int)
cat("cluster\n"); sets <- rep(c("A","B","C","D","E","F"), 3); anc(1:8, 9:18, cl = sets)
cat("reference 15\n"); anc(1:8, 9:18, S = 15)
