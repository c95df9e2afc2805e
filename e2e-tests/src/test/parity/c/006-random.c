/* Randomness: rand() with a fixed seed is fixed; getentropy and arc4random come from random_get (deterministic mode only). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    srand(12345);
    printf("rand with seed 12345:");
    for (int i = 0; i < 8; i++) printf(" %d", rand());
    printf("\n");
    unsigned char bytes[32];
    printf("getentropy: %d ->", getentropy(bytes, sizeof bytes));
    for (int i = 0; i < 32; i++) printf("%02x", bytes[i]);
    printf("\n");
    unsigned char too_many[300];
    printf("getentropy(300): %d\n", getentropy(too_many, sizeof too_many));
    printf("arc4random: %u %u %u\n", arc4random(), arc4random(), arc4random_uniform(1000));
    int histogram[10] = {0};
    for (int i = 0; i < 100000; i++) histogram[arc4random_uniform(10)]++;
    int min = 100000, max = 0;
    for (int i = 0; i < 10; i++) {
        if (histogram[i] < min) min = histogram[i];
        if (histogram[i] > max) max = histogram[i];
    }
    printf("arc4random_uniform spread: min %d max %d\n", min, max);
    return 0;
}
