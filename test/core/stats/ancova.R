suppressMessages(library(sandwich))
p <- function(...) cat(sprintf("%.15g", c(...)), "\n")
y <- c(1003,1005,1001,1010,1008,1002,1004,1007,1000,1006); x <- c(1000,1002,999,1006,1003,1001,1000,1004,998,1002)
t <- c(1,1,1,1,0,0,0,0,0,0); w <- c(1,1,1,1,0.5,1.5,2,1,0.5,0.5); g <- c("a","a","b","b","c","c","d","d","e","e")
f <- lm(y ~ x + t); p(coef(f)["t"], coef(f)["x"], sqrt(vcov(f)["t","t"]), sqrt(vcovHC(f, type="HC1")["t","t"]), sqrt(vcovHC(f, type="HC3")["t","t"]), sqrt(vcovCL(f, cluster = g)["t","t"]))
fw <- lm(y ~ x + t, weights = w); p(coef(fw)["t"], sqrt(vcov(fw)["t","t"]), sqrt(vcovHC(fw, type="HC1")["t","t"]), sqrt(vcovHC(fw, type="HC3")["t","t"]), sqrt(vcovCL(fw, cluster = g)["t","t"]))
# line 3: the re-use SE, sigma0^2 (X'WX)^-1 X'W^2X (X'WX)^-1 with sigma0^2 = sum(e^2)/(n-3), unweighted residuals
X <- model.matrix(fw); B <- solve(t(X) %*% (w * X)); s0 <- sum(residuals(fw)^2)/(10-3); V <- s0 * B %*% t(X) %*% (w^2 * X) %*% B; p(sqrt(V[3,3]))
